using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Eligibility", check 2: a mode must list the type (<c>cannot_serve_fault</c>),
/// and an electrified vehicle may be towed only by <c>evTowTypes</c> (<c>ev_requires_flatbed</c>).</summary>
public sealed class FaultModeEligibilityTests
{
    [Fact]
    public void Recommend_TypeInNoModeOfFault_ExcludedAsCannotServeFault()
    {
        // "stuck" has one tow mode for flatbed and wheel_lift; a service van cannot do it.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van").Resource("fb", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "stuck"), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.CannotServeFault, result.ReasonFor("van"));
        Assert.True(result.IsOffered("fb"));
    }

    [Theory]
    [InlineData("alien_abduction")] // not in the catalog
    [InlineData("lockout")] // in the catalog with no modes
    public void Recommend_FaultWithoutModes_EveryResourceExcludedAsCannotServeFault(string fault)
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed").Resource("van", "service_van"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: fault), RecommendationQuery.All);

        Assert.Equal(RecommendationStatus.Unassignable, result.Status);
        Assert.Equal(ReasonCodes.CannotServeFault, result.ReasonFor("fb"));
        Assert.Equal(ReasonCodes.CannotServeFault, result.ReasonFor("van"));
    }

    [Theory]
    [InlineData("bev")]
    [InlineData("erev")]
    [InlineData("phev")]
    public void Recommend_ElectrifiedVehicleTowMode_NonEvTowTypeExcludedAsEvRequiresFlatbed(string powertrain)
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("wl", "wheel_lift").Resource("fb", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "stuck", powertrain: powertrain), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.EvRequiresFlatbed, result.ReasonFor("wl"));
        Assert.Equal("tow", result.SingleOptionOf("fb").Mode);
    }

    [Fact]
    public void Recommend_IceVehicleTowMode_WheelLiftIsOffered()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("wl", "wheel_lift"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "stuck", powertrain: "ice"), RecommendationQuery.All);

        Assert.Equal("wl", result.Recommendation?.ResourceId);
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Recommend_ElectrifiedVehicleOnsiteMode_NonEvTowTypeIsOffered()
    {
        // The EV restriction is about towing: an onsite mode is open to every listed type.
        var engine = NetworkBuilder.Create()
            .Fault("battery", Modes.Onsite(["service_van", "wheel_lift"]))
            .Center("c", Places.Base, c => c.Resource("wl", "wheel_lift").Resource("van", "service_van"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "battery", powertrain: "bev"), RecommendationQuery.All);

        Assert.Equal("onsite", result.SingleOptionOf("wl").Mode);
        Assert.Equal("onsite", result.SingleOptionOf("van").Mode);
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Recommend_EvTowTypesFromParameters_DecideWhoMayTowElectrifiedVehicle()
    {
        // With wheel_lift as the only EV tow type, the flatbed is the one turned away.
        var engine = NetworkBuilder.Create()
            .Parameters(p => p with { EvTowTypes = ["wheel_lift"] })
            .Center("c", Places.Base, c => c.Resource("wl", "wheel_lift").Resource("fb", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "stuck", powertrain: "bev"), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.EvRequiresFlatbed, result.ReasonFor("fb"));
        Assert.True(result.IsOffered("wl"));
    }
}
