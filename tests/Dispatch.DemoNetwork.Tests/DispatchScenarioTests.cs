using Dispatch.DemoNetwork.Generation;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Tests;

/// <summary>The demo network's rules and catalog, seen through the engine as an agent would see them.</summary>
public class DispatchScenarioTests
{
    // A Wednesday; the rule windows are in Asia/Shanghai (UTC+8, no DST).
    private static readonly DateTimeOffset NoonShanghai = new(2025, 6, 4, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ElevenPmShanghai = new(2025, 6, 4, 15, 0, 0, TimeSpan.Zero);

    private static readonly GeoPoint InChangtang = new(33.3, 86.0);
    private static readonly GeoPoint Tiananmen = new(39.9087, 116.3975);

    // The G4 Beijing-Hong Kong-Macau expressway south of Wuhan.
    private static readonly GeoPoint OnG4NearWuhan = new(30.35, 114.2);

    private static readonly Lazy<DispatchEngine> LazyEngine = new(() => DispatchEngine.Create(DemoData.CheckedInNetwork));

    private static DispatchEngine Engine => LazyEngine.Value;

    private static Dictionary<string, CenterDocument> CenterOfResource { get; } = DemoData.CheckedInNetwork.Centers!
        .SelectMany(c => c.Resources!.Select(r => (r.Id!, c)))
        .ToDictionary(p => p.Item1, p => p.c, StringComparer.Ordinal);

    [Fact]
    public void Recommend_ErevFlatTyreInChangtang_PartnerUnitAndOwnTowUnitsBarredByTheZone()
    {
        var incident = TestIncidents.At(InChangtang, "flat_tire", "erev", "265/45R21", "p2", onExpressway: false, reportedAt: NoonShanghai);

        var result = Engine.Recommend(incident, RecommendationQuery.All);

        Assert.Equal("540000", result.Region);
        Assert.Equal(RecommendationStatus.Recommended, result.Status);
        Assert.Equal("partner", result.Recommendation!.CenterKind);
        Assert.DoesNotContain(AllOptions(result), o => o.CenterKind == "direct" && FleetCatalog.TowTypes.Contains(o.ResourceType));

        // Own flatbeds could tow an EREV anywhere else; here the zone bars them, whatever the distance.
        var ownFlatbeds = result.Excluded.Where(e => IsOwn(e.ResourceId) && TypeOf(e.ResourceId) == FleetCatalog.Flatbed).Take(20).ToList();
        Assert.NotEmpty(ownFlatbeds);
        Assert.All(ownFlatbeds, e => Assert.True(
            e.Reason is "partner_only:" + AccessRules.ChangtangId or "rule_denied:" + AccessRules.ChangtangId,
            $"{e.ResourceId}: {e.Reason}"));
    }

    [Fact]
    public void Recommend_TowOnAnExpressway_GoesToAPartnerAndOwnTowUnitsAreBarred()
    {
        var incident = TestIncidents.At(OnG4NearWuhan, "accident", "ice", null, "p2", onExpressway: true, reportedAt: NoonShanghai);

        var result = Engine.Recommend(incident, RecommendationQuery.All);

        Assert.Equal(RecommendationStatus.Recommended, result.Status);
        Assert.Equal("partner", result.Recommendation!.CenterKind);
        Assert.Equal("tow", result.Recommendation.Mode);
        Assert.All(AllOptions(result), o => Assert.Equal("partner", o.CenterKind));
        var nearestOwnTow = result.Excluded.First(e => IsOwn(e.ResourceId) && FleetCatalog.TowTypes.Contains(TypeOf(e.ResourceId)));
        Assert.Equal("partner_only:" + AccessRules.ExpresswayTowId, nearestOwnTow.Reason);
    }

    [Fact]
    public void Recommend_SameTowOffTheExpressway_OwnUnitsMayGo()
    {
        var incident = TestIncidents.At(OnG4NearWuhan, "accident", "ice", null, "p2", onExpressway: false, reportedAt: NoonShanghai);

        var result = Engine.Recommend(incident, RecommendationQuery.All);

        Assert.Contains(AllOptions(result), o => o.CenterKind == "direct");
    }

    [Fact]
    public void Recommend_HeavyWreckerInBeijingCoreAtNoon_Denied()
    {
        var incident = TestIncidents.At(Tiananmen, "accident", "ice", null, "p3", onExpressway: false, reportedAt: NoonShanghai);

        var result = Engine.Recommend(incident, RecommendationQuery.All);

        Assert.Equal("110000", result.Region);
        Assert.DoesNotContain(AllOptions(result), o => o.ResourceType == FleetCatalog.HeavyWrecker);
        var wreckers = result.Excluded.Where(e => TypeOf(e.ResourceId) == FleetCatalog.HeavyWrecker && CenterOfResource[e.ResourceId].Id == "c-beijing").ToList();
        Assert.NotEmpty(wreckers);
        Assert.All(wreckers, e => Assert.Equal("rule_denied:" + AccessRules.BeijingCoreId, e.Reason));
    }

    [Fact]
    public void Recommend_HeavyWreckerInBeijingCoreAt23_Allowed()
    {
        var incident = TestIncidents.At(Tiananmen, "accident", "ice", null, "p3", onExpressway: false, reportedAt: ElevenPmShanghai);

        var result = Engine.Recommend(incident, RecommendationQuery.All);

        Assert.Contains(AllOptions(result), o => o.ResourceType == FleetCatalog.HeavyWrecker && o.CenterId == "c-beijing");
        Assert.DoesNotContain(result.Excluded, e => e.Reason == "rule_denied:" + AccessRules.BeijingCoreId);
    }

    [Theory]
    [InlineData("accident")]
    [InlineData("breakdown")]
    [InlineData("flat_tire")]
    [InlineData("battery")]
    public void Recommend_BevTowAnywhere_NeverAWheelLift(string fault)
    {
        // Every 40th demand point: a few dozen places from Heilongjiang to Hainan and Tibet.
        var places = DemoData.CheckedInNetwork.DemandPoints!.Where((_, i) => i % 40 == 0).ToList();
        var wheelLiftsExcludedForEv = 0;

        foreach (var place in places)
        {
            var incident = TestIncidents.At(place.Location!, fault, "bev", "255/50R20", "p2", reportedAt: NoonShanghai);

            var result = Engine.Recommend(incident, RecommendationQuery.All);

            Assert.DoesNotContain(AllOptions(result), o => o.ResourceType == FleetCatalog.WheelLift);
            Assert.All(AllOptions(result).Where(o => o.Mode == "tow"), o => Assert.Equal(FleetCatalog.Flatbed, o.ResourceType));
            wheelLiftsExcludedForEv += result.Excluded.Count(e => e.Reason == ReasonCodes.EvRequiresFlatbed && TypeOf(e.ResourceId) == FleetCatalog.WheelLift);
        }

        Assert.True(wheelLiftsExcludedForEv > 0);
    }

    [Fact]
    public void RegionOf_EveryCenterAndDemandPoint_IsInTheServedArea()
    {
        var network = DemoData.CheckedInNetwork;

        Assert.All(network.Centers!, c => Assert.NotNull(Engine.RegionOf(c.Location!)));
        Assert.All(network.DemandPoints!, d => Assert.NotNull(Engine.RegionOf(d.Location!)));
        Assert.Null(Engine.RegionOf(new GeoPoint(25.03, 121.56))); // Taipei: in the map, not served
    }

    [Fact]
    public void RegionOf_EveryMainlandRegion_HasADirectCenterByTheEngine()
    {
        var network = DemoData.CheckedInNetwork;
        var regions = network.Centers!.Where(c => c.Kind == "direct").Select(c => Engine.RegionOf(c.Location!)).ToHashSet();

        Assert.All(network.Regions!, r => Assert.Contains(r.Code, regions));
    }

    private static IEnumerable<DispatchOption> AllOptions(RecommendationResult result) =>
        result.Recommendation is null ? result.Alternatives : result.Alternatives.Prepend(result.Recommendation);

    private static bool IsOwn(string resourceId) => CenterOfResource[resourceId].Kind == "direct";

    private static string TypeOf(string resourceId) => CenterOfResource[resourceId].Resources!.Single(r => r.Id == resourceId).Type!;
}
