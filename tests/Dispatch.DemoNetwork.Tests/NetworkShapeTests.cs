using Dispatch.DemoNetwork.Generation;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Tests;

public class NetworkShapeTests
{
    private static NetworkDocument Network => DemoData.CheckedInNetwork;

    [Fact]
    public void Network_HasTheThirtyOneMainlandRegions()
    {
        var codes = Network.Regions!.Select(r => r.Code).ToList();

        Assert.Equal(31, codes.Count);
        Assert.DoesNotContain("710000", codes);
        Assert.DoesNotContain("810000", codes);
        Assert.DoesNotContain("820000", codes);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void EveryMainlandRegion_HasAtLeastOneDirectCenter()
    {
        var locator = DemoData.DocumentRegions();
        var regionsWithCenter = Network.Centers!
            .Where(c => c.Kind == "direct")
            .Select(c => locator.Locate(c.Location!.Lat, c.Location.Lon)?.Adcode)
            .ToHashSet();

        Assert.All(Network.Regions!, r => Assert.Contains(r.Code, regionsWithCenter));
    }

    [Fact]
    public void EveryCenterAndDemandPoint_ResolvesToARegion()
    {
        var locator = DemoData.DocumentRegions();

        Assert.All(Network.Centers!, c => Assert.NotNull(locator.Locate(c.Location!.Lat, c.Location.Lon)));
        Assert.All(Network.DemandPoints!, d => Assert.NotNull(locator.Locate(d.Location!.Lat, d.Location.Lon)));
    }

    [Fact]
    public void Network_IsASizeTheEngineHoldsComfortably()
    {
        var centers = Network.Centers!;

        Assert.InRange(centers.Count, 200, 400);
        Assert.InRange(centers.Count(c => c.Kind == "direct"), 150, 300);
        Assert.InRange(centers.Sum(c => c.Resources!.Count), 2_000, 4_000);
        Assert.InRange(Network.DemandPoints!.Count, 1_000, 3_000);
    }

    [Fact]
    public void Ids_AreUniqueWithinTheirKind_ResourceIdsAcrossAllCenters()
    {
        Assert.Equal(Network.Centers!.Count, Network.Centers.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        var resourceIds = Network.Centers.SelectMany(c => c.Resources!).Select(r => r.Id).ToList();
        Assert.Equal(resourceIds.Count, resourceIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Network.DemandPoints!.Count, Network.DemandPoints.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Network.Rules!.Count, Network.Rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("540000")]
    [InlineData("630000")]
    [InlineData("650000")]
    [InlineData("150000")]
    public void RemoteRegions_AreFlaggedWithLongerStandardsHigherWeightsSlowerRoads(string code)
    {
        var remote = Network.Regions!.Single(r => r.Code == code);
        var settled = Network.Regions!.Where(r => !r.Remote).ToList();

        Assert.True(remote.Remote);
        Assert.True(settled.All(s => s.CoverageStandardMin < remote.CoverageStandardMin));
        Assert.True(settled.All(s => s.CoverageWeight < remote.CoverageWeight));
        // The big municipalities are slow for congestion, not for roads; compare open-road regions only.
        Assert.True(settled.Where(s => s.Code is not ("110000" or "120000" or "310000")).All(s => s.SpeedFactor > remote.SpeedFactor));
        Assert.True(remote.Circuity > settled.Min(s => s.Circuity));
    }

    [Theory]
    [InlineData("Nagqu")]
    [InlineData("Shiquanhe")]
    [InlineData("Golmud")]
    [InlineData("Hotan")]
    [InlineData("Altay")]
    public void RemotePrefectureSeats_HavePartnerOperators(string town)
    {
        var center = Network.Centers!.Single(c => c.Name == town + " partner rescue operator");

        Assert.Equal("partner", center.Kind);
        Assert.Contains(center.Resources!, r => r.Type == FleetCatalog.Recovery4x4);
    }

    [Fact]
    public void PartnersOnTheHighPlateau_AllHaveTwo4x4Units()
    {
        var plateauPartners = DemoData.Generated.PlannedCenters.Where(c => c.HighPlateau && c.Tier.IsPartner()).ToList();

        Assert.NotEmpty(plateauPartners);
        Assert.All(plateauPartners, p =>
            Assert.Equal(2, Network.Centers!.Single(c => c.Id == p.Id).Resources!.Count(r => r.Type == FleetCatalog.Recovery4x4)));
    }

    [Fact]
    public void Fleet_HasEveryResourceTypeOfTheCatalog()
    {
        var types = Network.Centers!.SelectMany(c => c.Resources!).Select(r => r.Type).ToHashSet();

        Assert.Equal(Network.Parameters!.ResourceTypes!.Keys.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Stock_RemoteCentersHoldFewerTyresThanHubs()
    {
        static double MeanTyres(IEnumerable<CenterDocument> centers) => centers
            .Select(c => c.Stock!.Where(s => s.Key.StartsWith("TIRE-", StringComparison.Ordinal)).Sum(s => s.Value.OnHand ?? 0))
            .Average();
        var planned = DemoData.Generated.PlannedCenters.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var remote = Network.Centers!.Where(c => CenterPlanner.IsRemoteArea(planned[c.Id!].Site) && c.Stock!.Count > 0);
        var hubs = Network.Centers!.Where(c => planned[c.Id!].Tier == CenterTier.Hub);

        Assert.True(MeanTyres(remote) < MeanTyres(hubs) / 2);
    }

    [Fact]
    public void Stock_CoversEveryTyreSizeAndTheBatteryAtEveryHub()
    {
        var hubs = DemoData.Generated.PlannedCenters.Where(c => c.Tier == CenterTier.Hub).Select(c => c.Id).ToHashSet();
        var skus = FleetCatalog.TireSpecs.Select(FleetCatalog.TireSku).Append(FleetCatalog.BatterySku).ToList();

        Assert.All(Network.Centers!.Where(c => hubs.Contains(c.Id!)), c =>
            Assert.All(skus, sku => Assert.True(c.Stock![sku].OnHand >= 1, $"{c.Id} {sku}")));
    }

    [Fact]
    public void FaultCatalog_CoversDesignFaults_UsesKnownTypes_TowsEvsByFlatbedOnly()
    {
        var parameters = Network.Parameters!;
        string[] faults = ["flat_tire", "battery", "out_of_charge", "stuck", "accident", "breakdown", "lockout"];

        Assert.Equal(faults.Order(StringComparer.Ordinal), parameters.Faults!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["flatbed"], parameters.EvTowTypes!);
        foreach (var (fault, modes) in parameters.Faults)
        {
            Assert.Equal(modes.Count, modes.Select(m => m.Mode).Distinct().Count());
            Assert.All(modes, m => Assert.Contains(m.Mode, new[] { "onsite", "tow" }));
            Assert.All(modes.SelectMany(m => m.Types!), t => Assert.True(parameters.ResourceTypes!.ContainsKey(t), $"{fault}: {t}"));
        }

        Assert.Equal("TIRE-{tireSpec}", parameters.Faults["flat_tire"].Single(m => m.Mode == "onsite").Part);
        Assert.StartsWith("BATT-12V-", parameters.Faults["battery"].Single(m => m.Mode == "onsite").Part, StringComparison.Ordinal);
        Assert.All(parameters.ResourceTypes!, t => Assert.Equal(t.Key is "service_van" or "charging_van" ? "service" : "tow", t.Value.CoverageClass));
    }

    [Fact]
    public void DemandWeights_FollowPopulationWithAFloor()
    {
        var weights = Network.DemandPoints!.Select(d => d.Weight!.Value).ToList();

        Assert.Equal(DemandBuilder.Weight(0), weights.Min());
        Assert.True(DemandBuilder.Weight(0) > 0);
        Assert.True(weights.Max() > 100 * weights.Min());
    }

    [Fact]
    public void Rules_ZonesAreValidPolygons_WindowsUseShanghaiTime()
    {
        foreach (var rule in Network.Rules!)
        {
            Assert.True(rule.Zone is not null || rule.Scope is not null, rule.Id);
            if (rule.Zone is not null)
            {
                Assert.True(GeoJsonReading.ReadPolygonal(rule.Zone).IsValid, rule.Id);
            }

            if (rule.Window is not null)
            {
                Assert.Equal("Asia/Shanghai", rule.Window.Tz);
            }
        }
    }

    [Fact]
    public void GeoJsonExport_HasEveryCenterUnitDemandPointAndZone()
    {
        var collection = GeoJsonReading.ReadFeatureCollection(DemoData.ReadCheckedIn(DemoNetworkArtifacts.NetworkGeoJsonFile));
        var byLayer = collection.GroupBy(f => (string)f.Attributes["layer"]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Network.Centers!.Count, byLayer["center"]);
        Assert.Equal(Network.Centers.Sum(c => c.Resources!.Count), byLayer["unit"]);
        Assert.Equal(Network.DemandPoints!.Count, byLayer["demand_point"]);
        Assert.Equal(Network.Rules!.Count(r => r.Zone is not null), byLayer["rule_zone"]);
    }
}
