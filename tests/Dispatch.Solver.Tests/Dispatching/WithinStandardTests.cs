using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Within standard": each option says whether its etaMin meets the
/// coverageStandardMin of the incident's region, and the answer carries that standard.</summary>
public sealed class WithinStandardTests
{
    // 10 min mobilization + 60 km at 60 km/h: 70 min for the far unit; 10 + 20 = 30 min for the near one.
    private static DispatchEngine Engine(double standardMin) => NetworkBuilder.Create()
        .ResourceType("flatbed", speedKmh: 60, mobilizationMin: 10)
        .ChangeRegion(NetworkBuilder.SouthRegion, r => r with { CoverageStandardMin = standardMin })
        .Center("near", Places.South(Places.Base, 20), c => c.Resource("u-near", "flatbed"))
        .Center("far", Places.South(Places.Base, 60), c => c.Resource("u-far", "flatbed"))
        .BuildEngine();

    [Fact]
    public void Recommend_OneOptionWithinOneBeyond_EachOptionSaysWhich()
    {
        var result = Engine(standardMin: 45).Recommend(TestIncidents.Stuck(Places.Base), RecommendationQuery.All);

        Assert.Equal(45, result.CoverageStandardMin);
        Assert.True(result.SingleOptionOf("u-near").WithinStandard);
        Assert.False(result.SingleOptionOf("u-far").WithinStandard);
    }

    [Fact]
    public void Recommend_EtaExactlyTheStandard_IsWithin()
    {
        var engine = Engine(standardMin: 100);
        var eta = engine.Recommend(TestIncidents.Stuck(Places.Base), RecommendationQuery.All).SingleOptionOf("u-far").EtaMin;

        var result = Engine(standardMin: eta).Recommend(TestIncidents.Stuck(Places.Base), RecommendationQuery.All);

        Assert.True(result.SingleOptionOf("u-far").WithinStandard);
    }

    [Fact]
    public void Recommend_Unassignable_StillCarriesTheRegionsStandard()
    {
        var engine = Engine(standardMin: 45);
        engine.SetResourceStatus("u-near", ResourceStatus.Offline);
        engine.SetResourceStatus("u-far", ResourceStatus.Offline);

        var result = engine.Recommend(TestIncidents.Stuck(Places.Base), RecommendationQuery.Default);

        Assert.Equal(RecommendationStatus.Unassignable, result.Status);
        Assert.Equal(45, result.CoverageStandardMin);
    }

    [Fact]
    public void Recommend_OutsideServedArea_NoStandard()
    {
        var result = Engine(standardMin: 45).Recommend(TestIncidents.At(Places.Nowhere), RecommendationQuery.Default);

        Assert.Equal(RecommendationStatus.OutsideServedArea, result.Status);
        Assert.Null(result.CoverageStandardMin);
    }
}
