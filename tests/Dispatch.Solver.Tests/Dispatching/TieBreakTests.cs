using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Score", ranking: least score; ties to the lower eta, then the ordinal-smaller
/// resource id, then the mode's catalog order; <c>policy=closest</c> ranks by eta alone.</summary>
/// <remarks>Tied resources stand on the incident, so every eta is its mobilization exactly and the scores tie
/// exactly in floating point.</remarks>
public sealed class TieBreakTests
{
    [Fact]
    public void Recommend_EqualScores_LowerEtaFirst()
    {
        // "a-direct": wheel_lift with 10 min mobilization, direct: score 10 = eta 10.
        // "z-partner": flatbed with no mobilization, partner: score 0 + 10 = 10, eta 0. The lower eta wins
        // although its id sorts after.
        var engine = NetworkBuilder.Create()
            .ResourceType("wheel_lift", mobilizationMin: 10)
            .Center("c-direct", Places.Base, c => c.Resource("a-direct", "wheel_lift"))
            .Center("c-partner", Places.Base, c => c.Partner().Resource("z-partner", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(10, result.SingleOptionOf("a-direct").Score, 9);
        Assert.Equal(10, result.SingleOptionOf("z-partner").Score, 9);
        Assert.Equal(["z-partner", "a-direct"], result.Ranking().Select(o => o.ResourceId));
    }

    [Fact]
    public void Recommend_EqualScoresAndEtas_OrdinalResourceIdOrder()
    {
        // Ordinal (UTF-16) order: 'B' (66) < 'C' (67) < 'a' (97); a culture-aware order would put "a" first.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("a", "flatbed").Resource("C", "flatbed").Resource("B", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(["B", "C", "a"], result.Ranking().Select(o => o.ResourceId));
    }

    [Theory]
    [InlineData(true, new[] { "tow", "onsite" })]
    [InlineData(false, new[] { "onsite", "tow" })]
    public void Recommend_SameResourceEqualModes_CatalogOrder(bool towFirst, string[] expected)
    {
        var tow = Modes.Tow(["flatbed"]);
        var onsite = Modes.Onsite(["flatbed"]);
        var engine = NetworkBuilder.Create()
            .Fault("winch", towFirst ? [tow, onsite] : [onsite, tow])
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch"), RecommendationQuery.All);

        Assert.Equal(expected, result.Ranking().Select(o => o.Mode));
    }

    [Fact]
    public void Recommend_IdBeforeModeOrder_TiesSortByIdFirst()
    {
        // Both resources can do both modes at equal scores: the id decides before the mode does.
        var engine = NetworkBuilder.Create()
            .Fault("winch", Modes.Tow(["flatbed"]), Modes.Onsite(["flatbed"]))
            .Center("c", Places.Base, c => c.Resource("b", "flatbed").Resource("a", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch"), RecommendationQuery.All);

        Assert.Equal(["a/tow", "a/onsite", "b/tow", "b/onsite"], result.Ranking().Select(o => o.ResourceId + "/" + o.Mode));
    }

    [Fact]
    public void Recommend_LowerScoreFartherResource_RankedFirstUnderCoveragePolicy()
    {
        // "near": partner, 20 km: score 20 + 10 = 30. "far": direct, 25 km: score 25.
        var engine = NetworkBuilder.Create()
            .Center("c-partner", Places.South(Places.Base, 20), c => c.Partner().Resource("near", "flatbed"))
            .Center("c-direct", Places.South(Places.Base, 25), c => c.Resource("far", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(["far", "near"], result.Ranking().Select(o => o.ResourceId));
    }

    [Fact]
    public void Recommend_ClosestPolicy_RanksByEtaAlone()
    {
        // By eta alone "near" (20) goes before "far" (25), despite its partner penalty and the coverage loss
        // of 100 that only "near" would cause (its score is 20 + 10 + 100 = 130 against 25).
        var engine = NetworkBuilder.Create()
            .Center("c-partner", Places.South(Places.Base, 20), c => c.Partner().Resource("near", "flatbed"))
            .Center("c-direct", Places.South(Places.Base, 25), c => c.Resource("far", "flatbed"))
            .DemandPoint("d", Places.North(Places.Base, 38), 100) // near: 58 <= 60, covered; far: 63, not
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), new RecommendationQuery(null, null, RankingPolicy.Closest));

        Assert.Equal(["near", "far"], result.Ranking().Select(o => o.ResourceId));
    }
}
