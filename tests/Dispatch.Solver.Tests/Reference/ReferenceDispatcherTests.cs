using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>The reference's scores and ranking against numbers worked out by hand (see <see cref="HandNetwork"/>:
/// 1 deg of latitude = 111.19508023 km; an eta in region A is mobilization + 120 * km / speed).</summary>
public sealed class ReferenceDispatcherTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Recommend_HandNetwork_RanksByScoreWithEveryTermInTheBreakdown()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        var result = reference.Recommend(HandNetwork.Incident(), RecommendationQuery.All);

        // van1: 0.5 deg = 55.59754 km; eta = 5 + 120 * 55.59754 / 80 = 88.39631. It alone of class "service"
        // covers d1 (eta 5 + 120 * 33.35852 / 80 = 55.04 <= 120), so its loss is 10 * 2.0 = 20, times lambda 1 and p3 factor 1.
        // fb1: eta = 10 + 120 * 55.59754 / 60 = 121.19508; tow penalty 30; it alone of class "tow" covers d1
        // (eta 10 + 2 * 33.35852 = 76.72; fb2's would be 10 + 2 * 144.55360 = 299.11 > 120), loss 20.
        // fb2: 1.5 deg = 166.79262 km, eta = 10 + 2 * 166.79262 = 343.58524; tow 30, c2 is in region B (+20), partner (+10).
        Assert.Equal("A", result.Region);
        Assert.Equal(RecommendationStatus.Recommended, result.Status);
        Assert.Empty(result.Excluded);
        var options = AllOptions(result);
        Assert.Equal(["van1/onsite", "fb1/tow", "fb2/tow"], options.Select(o => o.ResourceId + "/" + o.Mode));

        var van = options[0];
        Assert.Equal("TIRE-255/45R20", van.Part);
        Assert.Equal("c1", van.CenterId);
        Assert.Equal("direct", van.CenterKind);
        Assert.Equal("van", van.ResourceType);
        AssertBreakdown(van, eta: 88.39631017514968, mode: 0, cross: 0, partner: 0, loss: 20, coverage: 20, score: 108.39631017514968);

        var fb1 = options[1];
        Assert.Null(fb1.Part);
        AssertBreakdown(fb1, eta: 121.1950802335329, mode: 30, cross: 0, partner: 0, loss: 20, coverage: 20, score: 171.1950802335329);

        var fb2 = options[2];
        Assert.Equal("partner", fb2.CenterKind);
        AssertBreakdown(fb2, eta: 343.5852407005987, mode: 30, cross: 20, partner: 10, loss: 0, coverage: 0, score: 403.5852407005987);
    }

    [Fact]
    public void Recommend_PriorityFactorHalf_HalvesTheCoveragePenalty()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        var result = reference.Recommend(HandNetwork.Incident(priority: "p2"), RecommendationQuery.All);

        // p2 factor 0.5: van1's coverage penalty is 1.0 * 0.5 * 20 = 10.
        AssertBreakdown(result.Recommendation!, eta: 88.39631017514968, mode: 0, cross: 0, partner: 0, loss: 20, coverage: 10, score: 98.39631017514968);
    }

    [Fact]
    public void Recommend_HeavyDemand_CoveragePolicyAndClosestPolicyDisagree()
    {
        // d1 now weighs 200: van1 and fb1 each lose 200 * 2.0 = 400 when dispatched.
        var document = HandNetwork.Document with
        {
            DemandPoints = [new() { Id = "d1", Location = new GeoPoint(31.2, 101.0), Weight = 200 }],
        };
        var reference = new ReferenceDispatcher(document);

        var byScore = reference.Recommend(HandNetwork.Incident(), RecommendationQuery.All);
        var byEta = reference.Recommend(HandNetwork.Incident(), RecommendationQuery.All with { Policy = RankingPolicy.Closest });

        // scores: fb2 403.585, van1 88.396 + 400 = 488.396, fb1 121.195 + 30 + 400 = 551.195; etas: 88.4, 121.2, 343.6.
        Assert.Equal(["fb2", "van1", "fb1"], AllOptions(byScore).Select(o => o.ResourceId));
        Assert.Equal(["van1", "fb1", "fb2"], AllOptions(byEta).Select(o => o.ResourceId));
        Assert.Equal(551.1950802335329, AllOptions(byEta)[1].Score, Tolerance);
    }

    [Fact]
    public void Recommend_LimitedCounts_CutsTheFullRanking()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        var result = reference.Recommend(HandNetwork.Incident(), new RecommendationQuery(2, 0));

        Assert.Equal("van1", result.Recommendation!.ResourceId);
        Assert.Equal(["fb1"], result.Alternatives.Select(o => o.ResourceId));
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Recommend_EqualScores_LowerEtaWins()
    {
        // Both resources stand on the incident, so travel is 0: the van's eta is its mobilization 40 and its
        // onsite penalty 0, the flatbed's eta 10 and its tow penalty 30. Both score exactly 40 (p1: no coverage term).
        var parameters = HandNetwork.Parameters with
        {
            ResourceTypes = new Dictionary<string, ResourceTypeDocument>
            {
                ["flatbed"] = new() { SpeedKmh = 60, MobilizationMin = 10, CoverageClass = "tow" },
                ["van"] = new() { SpeedKmh = 60, MobilizationMin = 40, CoverageClass = "service" },
            },
        };
        var center = HandNetwork.CenterOne with
        {
            Location = HandNetwork.IncidentSpot,
            Resources =
            [
                new() { Id = "a-van", Type = "van", Status = "available" },
                new() { Id = "z-flatbed", Type = "flatbed", Status = "available" },
            ],
        };
        var reference = new ReferenceDispatcher(HandNetwork.Document with { Parameters = parameters, Centers = [center] });

        var options = AllOptions(reference.Recommend(HandNetwork.Incident(priority: "p1"), RecommendationQuery.All));

        Assert.Equal(40.0, options[0].Score);
        Assert.Equal(40.0, options[1].Score);
        Assert.Equal(["z-flatbed", "a-van"], options.Select(o => o.ResourceId));
    }

    [Fact]
    public void Recommend_SamePositionSameType_OrdinalIdBreaksTheTie()
    {
        // 'B' (66) sorts before 'a' (97) ordinally, though not alphabetically.
        var center = HandNetwork.CenterOne with
        {
            Resources =
            [
                new() { Id = "fb-a", Type = "flatbed", Status = "available" },
                new() { Id = "fb-B", Type = "flatbed", Status = "available" },
            ],
        };
        var reference = new ReferenceDispatcher(HandNetwork.Document with { Centers = [center], DemandPoints = [] });

        var options = AllOptions(reference.Recommend(HandNetwork.Incident(), RecommendationQuery.All));

        Assert.Equal(["fb-B", "fb-a"], options.Select(o => o.ResourceId));
        Assert.Equal(options[0].Score, options[1].Score);
    }

    [Fact]
    public void Recommend_OneResourceInTwoEqualModes_CatalogOrderBreaksTheTie()
    {
        var parameters = HandNetwork.Parameters with
        {
            Faults = new Dictionary<string, IReadOnlyList<FaultModeDocument>>
            {
                ["stuck"] =
                [
                    new() { Mode = "tow", Types = ["flatbed"], ServiceMin = 60, PenaltyMin = 5 },
                    new() { Mode = "onsite", Types = ["flatbed"], ServiceMin = 30, PenaltyMin = 5 },
                ],
            },
        };
        var center = HandNetwork.CenterOne with { Resources = [new() { Id = "fb1", Type = "flatbed", Status = "available" }] };
        var reference = new ReferenceDispatcher(HandNetwork.Document with { Parameters = parameters, Centers = [center] });

        var options = AllOptions(reference.Recommend(HandNetwork.Incident(fault: "stuck"), RecommendationQuery.All));

        Assert.Equal(["tow", "onsite"], options.Select(o => o.Mode));
    }

    [Fact]
    public void RegionOf_OverlappingRegions_FirstInDocumentOrderWins()
    {
        var inner = HandNetwork.RegionA with { Code = "Z", Geometry = GeoJsonShapes.Rectangle(100.5, 30.5, 101.5, 31.5) };
        var reference = new ReferenceDispatcher(HandNetwork.Document with { Regions = [inner, HandNetwork.RegionA, HandNetwork.RegionB] });

        Assert.Equal("Z", reference.RegionOf(HandNetwork.IncidentSpot));
        Assert.Equal("A", reference.RegionOf(new GeoPoint(30.2, 101.0)));
    }

    [Fact]
    public void RegionOf_SharedBoundary_CountsAsInsideTheFirstRegion()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        Assert.Equal("A", reference.RegionOf(new GeoPoint(32.0, 101.0)));
        Assert.Equal("B", reference.RegionOf(new GeoPoint(34.0, 101.0)));
    }

    [Fact]
    public void Recommend_OutsideEveryRegion_SaysOutsideServedArea()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        var result = reference.Recommend(HandNetwork.Incident(at: new GeoPoint(35.0, 101.0)), RecommendationQuery.All);

        Assert.Equal(RecommendationStatus.OutsideServedArea, result.Status);
        Assert.Null(result.Region);
        Assert.Null(reference.RegionOf(new GeoPoint(35.0, 101.0)));
    }

    [Fact]
    public void Recommend_IncidentInRegionB_UsesRegionBTravelAndCrossRegionForCenterOne()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        var options = AllOptions(reference.Recommend(HandNetwork.Incident(at: new GeoPoint(32.2, 101.0), priority: "p1"), RecommendationQuery.All));

        // Region B: eta = mobilization + 60 * km * 1.2 / speed. fb2: 0.3 deg = 33.35852 km, 10 + 40.03023 = 50.03023,
        // + tow 30 + partner 10 = 90.03023. fb1 (c1 in region A): 0.7 deg = 77.83656 km, 10 + 93.40387 = 103.40387,
        // + 30 + cross 20 = 153.40387. van1: 5 + 60 * 77.83656 * 1.2 / 80 = 75.05290, + cross 20 = 95.05290.
        Assert.Equal(["fb2", "van1", "fb1"], options.Select(o => o.ResourceId));
        AssertBreakdown(options[0], eta: 50.03022888407185, mode: 30, cross: 0, partner: 10, loss: 0, coverage: 0, score: 90.03022888407185);
        AssertBreakdown(options[1], eta: 75.05290054712573, mode: 0, cross: 20, partner: 0, loss: 20, coverage: 0, score: 95.05290054712573);
        AssertBreakdown(options[2], eta: 103.40386739616764, mode: 30, cross: 20, partner: 0, loss: 20, coverage: 0, score: 153.40386739616764);
    }

    internal static List<DispatchOption> AllOptions(RecommendationResult result) =>
        result.Recommendation is null ? [] : [result.Recommendation, .. result.Alternatives];

    private static void AssertBreakdown(DispatchOption option, double eta, double mode, double cross, double partner, double loss, double coverage, double score)
    {
        Assert.Equal(eta, option.EtaMin, Tolerance);
        Assert.Equal(eta, option.Breakdown.EtaMin, Tolerance);
        Assert.Equal(mode, option.Breakdown.ModePenaltyMin, Tolerance);
        Assert.Equal(cross, option.Breakdown.CrossRegionPenaltyMin, Tolerance);
        Assert.Equal(partner, option.Breakdown.PartnerPenaltyMin, Tolerance);
        Assert.Equal(loss, option.Breakdown.CoverageLoss, Tolerance);
        Assert.Equal(coverage, option.Breakdown.CoveragePenaltyMin, Tolerance);
        Assert.Equal(score, option.Score, Tolerance);
    }
}
