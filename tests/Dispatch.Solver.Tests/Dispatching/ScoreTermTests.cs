using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Score": eta + mode penalty + cross-region penalty + partner penalty + coverage
/// term, each returned in the breakdown.</summary>
public sealed class ScoreTermTests
{
    private const int Precision = 6;

    private static void AssertScoreIsSumOfBreakdown(DispatchOption option)
    {
        var b = option.Breakdown;
        Assert.Equal(b.EtaMin + b.ModePenaltyMin + b.CrossRegionPenaltyMin + b.PartnerPenaltyMin + b.CoveragePenaltyMin, option.Score, Precision);
        Assert.Equal(option.EtaMin, b.EtaMin, Precision);
    }

    [Fact]
    public void Recommend_ModeWithPenalty_AddsModePenalty()
    {
        // flat_tire tow mode has penaltyMin 30; the flatbed is 15 km away: 15 + 30 = 45.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 15), c => c.Resource("fb", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: "205/55R16"), RecommendationQuery.All);

        var option = result.SingleOptionOf("fb");
        Assert.Equal("tow", option.Mode);
        Assert.Equal(30, option.Breakdown.ModePenaltyMin, Precision);
        Assert.Equal(45, option.Score, Precision);
        AssertScoreIsSumOfBreakdown(option);
    }

    [Theory]
    [InlineData(false, false, 0)] // center and resource in R1, like the incident
    [InlineData(true, true, 20)] // center and resource in R2
    [InlineData(true, false, 20)] // center in R2, resource standing in R1: the center's region counts
    [InlineData(false, true, 0)] // center in R1, resource standing in R2
    public void Recommend_CenterRegion_DecidesCrossRegionPenalty(bool centerInNorth, bool resourceInNorth, double expectedPenalty)
    {
        var incident = Places.South(Places.Base, 10); // in R1
        var north = Places.North(Places.Base, 80); // in R2, 90 km from the incident
        var south = Places.South(Places.Base, 80); // in R1, 70 km from the incident
        var engine = NetworkBuilder.Create()
            .Center("c", centerInNorth ? north : south, c => c.Resource("fb", "flatbed", position: resourceInNorth ? north : south))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(incident), RecommendationQuery.All);

        var option = result.SingleOptionOf("fb");
        Assert.Equal(expectedPenalty, option.Breakdown.CrossRegionPenaltyMin, Precision);
        Assert.Equal((resourceInNorth ? 90 : 70) + expectedPenalty, option.Score, Precision);
        AssertScoreIsSumOfBreakdown(option);
    }

    [Fact]
    public void Recommend_CrossRegion_UsesParameterValue()
    {
        var engine = NetworkBuilder.Create()
            .Parameters(p => p with { CrossRegionPenaltyMin = 37.5 })
            .Center("c", Places.NorthBase, c => c.Resource("fb", "flatbed", position: Places.Base))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        var option = result.SingleOptionOf("fb");
        Assert.Equal(37.5, option.Breakdown.CrossRegionPenaltyMin, Precision);
        Assert.Equal(37.5, option.Score, Precision);
    }

    [Theory]
    [InlineData(true, 10)]
    [InlineData(false, 0)]
    public void Recommend_CenterKind_DecidesPartnerPenalty(bool partner, double expectedPenalty)
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 25), c =>
            {
                if (partner)
                {
                    c.Partner();
                }

                c.Resource("fb", "flatbed");
            })
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        var option = result.SingleOptionOf("fb");
        Assert.Equal(expectedPenalty, option.Breakdown.PartnerPenaltyMin, Precision);
        Assert.Equal(25 + expectedPenalty, option.Score, Precision);
        Assert.Equal(partner ? "partner" : "direct", option.CenterKind);
        AssertScoreIsSumOfBreakdown(option);
    }

    [Theory]
    [InlineData("p1", 1.0, 0.0)] // 1 * 0.0 * 10
    [InlineData("p2", 1.0, 5.0)] // 1 * 0.5 * 10
    [InlineData("p3", 1.0, 10.0)] // 1 * 1.0 * 10
    [InlineData("p3", 2.5, 25.0)] // 2.5 * 1.0 * 10
    [InlineData("p2", 2.5, 12.5)] // 2.5 * 0.5 * 10
    public void Recommend_OnlyCovererOfDemand_AddsLambdaTimesPriorityFactorTimesLoss(string priority, double lambda, double expectedPenalty)
    {
        // The flatbed alone covers d (30 km: eta 30 <= standard 60): loss = weight 5 * region weight 2 = 10.
        var engine = NetworkBuilder.Create()
            .Parameters(p => p with { CoverageLambda = lambda })
            .ChangeRegion(NetworkBuilder.SouthRegion, r => r with { CoverageWeight = 2 })
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .DemandPoint("d", Places.South(Places.Base, 30), 5)
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, priority: priority), RecommendationQuery.All);

        var option = result.SingleOptionOf("fb");
        Assert.Equal(10, option.Breakdown.CoverageLoss, Precision);
        Assert.Equal(expectedPenalty, option.Breakdown.CoveragePenaltyMin, Precision);
        Assert.Equal(expectedPenalty, option.Score, Precision); // eta 0, no other term
        AssertScoreIsSumOfBreakdown(option);
    }

    [Fact]
    public void Recommend_AllTermsTogether_ScoreIsTheirSum()
    {
        // Partner center in R2, incident in R1, tow mode of flat_tire (30), only coverer of a demand point
        // of weight 4 in R2 (region weight 1.5, eta 20 <= 60): 40 + 30 + 20 + 10 + 1 * 0.5 * (4 * 1.5) = 103
        var centre = Places.North(Places.Base, 70); // in R2
        var engine = NetworkBuilder.Create()
            .ChangeRegion(NetworkBuilder.NorthRegion, r => r with { CoverageWeight = 1.5 })
            .Center("c", centre, c => c.Partner().Resource("fb", "flatbed"))
            .DemandPoint("d", Places.North(centre, 20), 4)
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.South(centre, 40), fault: "flat_tire", priority: "p2"), RecommendationQuery.All);

        var option = result.SingleOptionOf("fb");
        Assert.Equal(new OptionBreakdown(40, 30, 20, 10, 6, 3), option.Breakdown with
        {
            EtaMin = Math.Round(option.Breakdown.EtaMin, 6),
            CoverageLoss = Math.Round(option.Breakdown.CoverageLoss, 6),
            CoveragePenaltyMin = Math.Round(option.Breakdown.CoveragePenaltyMin, 6),
        });
        Assert.Equal(103, option.Score, Precision);
    }
}
