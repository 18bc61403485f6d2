using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Eligibility": a resource is offered once for each mode that passes
/// (a)-(d).</summary>
public sealed class ModeOptionTests
{
    [Fact]
    public void Recommend_TypeInTwoPassingModes_OfferedOncePerMode()
    {
        var engine = NetworkBuilder.Create()
            .Fault("winch", Modes.Onsite(["flatbed"]), Modes.Tow(["flatbed"], penaltyMin: 30))
            .Center("c", Places.South(Places.Base, 15), c => c.Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch"), RecommendationQuery.All);

        // onsite: 15 (eta) + 0; tow: 15 + 30 = 45
        var options = result.OptionsOf("u");
        Assert.Equal(["onsite", "tow"], options.Select(o => o.Mode));
        Assert.Equal(15, options[0].Score, 6);
        Assert.Equal(45, options[1].Score, 6);
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Recommend_OneModePassesOtherFails_OfferedOnceAndNotExcluded()
    {
        var engine = NetworkBuilder.Create()
            .Fault("winch", Modes.Onsite(["flatbed"], part: "WINCH-KIT"), Modes.Tow(["flatbed"]))
            .Center("c", Places.Base, c => c.Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch"), RecommendationQuery.All);

        Assert.Equal("tow", result.SingleOptionOf("u").Mode);
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Recommend_OptionFields_DescribeResourceCenterAndMode()
    {
        var engine = NetworkBuilder.Create()
            .Center("c-1", Places.Base, c => c.Stock("TIRE-205/55R16", 1).Resource("van-1", "service_van"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: "205/55R16"), RecommendationQuery.All);

        var option = Assert.IsType<DispatchOption>(result.Recommendation);
        Assert.Equal("van-1", option.ResourceId);
        Assert.Equal("service_van", option.ResourceType);
        Assert.Equal("c-1", option.CenterId);
        Assert.Equal("direct", option.CenterKind);
        Assert.Equal("onsite", option.Mode);
        Assert.Equal("TIRE-205/55R16", option.Part);
    }
}
