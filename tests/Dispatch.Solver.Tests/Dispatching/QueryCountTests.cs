using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/api.md "Recommendations", counts: options=N counts the recommendation, alternatives never repeat it,
/// excluded=N nearest first (distance from the resource's position, then id), null means all.</summary>
public sealed class QueryCountTests
{
    // Offered flatbeds 10, 20, 30 and 40 km south; offline ones 5, 15 and 25 km south.
    private static DispatchEngine Network()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 50), c =>
            {
                foreach (var km in new[] { 40, 10, 30, 20 })
                {
                    c.Resource($"u{km:00}", "flatbed", position: Places.South(Places.Base, km));
                }

                foreach (var km in new[] { 25, 5, 15 })
                {
                    c.Resource($"x{km:00}", "flatbed", position: Places.South(Places.Base, km), status: "offline");
                }
            })
            .BuildEngine();
        return engine;
    }

    [Theory]
    [InlineData(1, new string[0])]
    [InlineData(2, new[] { "u20" })]
    [InlineData(4, new[] { "u20", "u30", "u40" })]
    [InlineData(10, new[] { "u20", "u30", "u40" })]
    public void Recommend_OptionsCount_IncludesRecommendation(int options, string[] expectedAlternatives)
    {
        var result = Network().Recommend(TestIncidents.At(Places.Base), new RecommendationQuery(options, null));

        Assert.Equal("u10", result.Recommendation?.ResourceId);
        Assert.Equal(expectedAlternatives, result.Alternatives.Select(o => o.ResourceId));
    }

    [Fact]
    public void Recommend_AllOptions_ReturnsEveryOptionOnceWithoutRepeatingRecommendation()
    {
        var result = Network().Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(["u10", "u20", "u30", "u40"], result.Ranking().Select(o => o.ResourceId));
        Assert.DoesNotContain(result.Recommendation, result.Alternatives);
    }

    [Theory]
    [InlineData(0, new string[0])]
    [InlineData(2, new[] { "x05", "x15" })]
    [InlineData(10, new[] { "x05", "x15", "x25" })]
    public void Recommend_ExcludedCount_NearestFirst(int excluded, string[] expected)
    {
        var result = Network().Recommend(TestIncidents.At(Places.Base), new RecommendationQuery(null, excluded));

        Assert.Equal(expected, result.Excluded.Select(e => e.ResourceId));
    }

    [Fact]
    public void Recommend_AllExcluded_ReturnsEveryExclusionWithReasonAndCenter()
    {
        var result = Network().Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(["x05", "x15", "x25"], result.Excluded.Select(e => e.ResourceId));
        Assert.All(result.Excluded, e => Assert.Equal(ReasonCodes.NotAvailable, e.Reason));
        Assert.All(result.Excluded, e => Assert.Equal("c", e.CenterId));
    }

    [Fact]
    public void Recommend_Excluded_OrderedByResourcePositionNotCenter()
    {
        // "far-center" stands 10 km from the incident but its center is 100 km away; "near-center" stands
        // 50 km away from a center at the incident.
        var engine = NetworkBuilder.Create()
            .Center("c-near", Places.Base, c => c.Resource("near-center", "flatbed", position: Places.South(Places.Base, 50), status: "offline"))
            .Center("c-far", Places.South(Places.Base, 100), c => c.Resource("far-center", "flatbed", position: Places.South(Places.Base, 10), status: "offline"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(["far-center", "near-center"], result.Excluded.Select(e => e.ResourceId));
    }

    [Fact]
    public void Recommend_ExcludedAtEqualDistance_OrdinalIdOrder()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 10), c => c
                .Resource("a", "service_van")
                .Resource("B", "service_van")
                .Resource("near", "service_van", position: Places.South(Places.Base, 5)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "stuck"), RecommendationQuery.All);

        Assert.Equal(["near", "B", "a"], result.Excluded.Select(e => e.ResourceId));
    }

    [Fact]
    public void Recommend_NothingMayGo_UnassignableWithExclusions()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed", status: "offline").Resource("van", "service_van"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "stuck"), RecommendationQuery.Default);

        Assert.Equal(RecommendationStatus.Unassignable, result.Status);
        Assert.Equal("R1", result.Region);
        Assert.Null(result.Recommendation);
        Assert.Empty(result.Alternatives);
        Assert.Equal(ReasonCodes.NotAvailable, result.ReasonFor("fb"));
        Assert.Equal(ReasonCodes.CannotServeFault, result.ReasonFor("van"));
    }

    [Fact]
    public void Recommend_NoResourcesAtAll_Unassignable()
    {
        var engine = NetworkBuilder.Create().Center("c", Places.Base).BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.Default);

        Assert.Equal(RecommendationStatus.Unassignable, result.Status);
        Assert.Null(result.Recommendation);
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Recommend_DefaultQuery_FiveOptionsAndTenExclusions()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c =>
            {
                for (var i = 0; i < 12; i++)
                {
                    c.Resource($"fb{i:00}", "flatbed").Resource($"off{i:00}", "flatbed", status: "offline");
                }
            })
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.Default);

        Assert.Equal(4, result.Alternatives.Count);
        Assert.Equal(10, result.Excluded.Count);
    }

    [Theory]
    [InlineData(RankingPolicy.Coverage, "far")]
    [InlineData(RankingPolicy.Closest, "near")]
    public void Recommend_OneOption_BestIsFoundBeyondNearestResource(RankingPolicy policy, string expected)
    {
        // "near" (5 km) alone covers d (45 km from it; "far" is 130 km from d): score 5 + 100 = 105.
        // "far" (90 km) loses no coverage: score 90. Asking for one option must still find "far".
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 5), c => c.Resource("near", "flatbed").Resource("far", "flatbed", position: Places.South(Places.Base, 90)))
            .DemandPoint("d", Places.North(Places.Base, 40), 100)
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), new RecommendationQuery(1, 0, policy));

        Assert.Equal(expected, result.Recommendation?.ResourceId);
        Assert.Empty(result.Alternatives);
    }

    [Fact]
    public void Recommend_TwoModesOfOneResource_OptionsCountsOptionsNotResources()
    {
        var engine = NetworkBuilder.Create()
            .Fault("winch", Modes.Onsite(["flatbed"]), Modes.Tow(["flatbed"], penaltyMin: 30))
            .Center("c", Places.Base, c => c.Resource("u", "flatbed").Resource("v", "flatbed", position: Places.South(Places.Base, 10)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch"), new RecommendationQuery(3, 0));

        // u/onsite 0, v/onsite 10, u/tow 30, v/tow 40
        Assert.Equal(["u/onsite", "v/onsite", "u/tow"], result.Ranking().Select(o => o.ResourceId + "/" + o.Mode));
    }
}
