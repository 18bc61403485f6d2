using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Eligibility", check 5: haversineKm(center, incident) &lt;= serviceRadiusKm,
/// measured from the center and not from the resource, else <c>outside_service_radius</c>.</summary>
public sealed class ServiceRadiusEligibilityTests
{
    [Fact]
    public void Recommend_CenterBeyondRadiusButResourceNear_ExcludedAsOutsideServiceRadius()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 100), c => c.Radius(50).Resource("u", "flatbed", position: Places.South(Places.Base, 1)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.OutsideServiceRadius, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_CenterWithinRadiusButResourceFar_IsOffered()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 10), c => c.Radius(50).Resource("u", "flatbed", position: Places.South(Places.Base, 200)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        // The eta still runs from where the resource is: 200 km at 60 km/h.
        Assert.Equal(200, result.SingleOptionOf("u").EtaMin, 6);
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(101, true)]
    public void Recommend_CenterDistanceAroundRadius_OfferedOnlyWithinRadius(double radiusKm, bool offered)
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 100), c => c.Radius(radiusKm).Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(offered, result.IsOffered("u"));
    }
}
