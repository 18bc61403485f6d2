using System.Globalization;
using Dispatch.Solver.Documents;
using static Dispatch.DemoNetwork.Generation.FleetCatalog;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>Draws each center's units and parts stock from its tier, with a per-center seeded variation.</summary>
public static class FleetBuilder
{
    public static CenterDocument Build(PlannedCenter center, ulong seed)
    {
        var random = new StableRandom(center.Id, seed);
        var remote = CenterPlanner.IsRemoteArea(center.Site);
        var fleet = DrawFleet(center.Tier, remote, center.HighPlateau, random);
        var resources = new List<ResourceDocument>();
        foreach (var (type, count) in fleet)
        {
            for (var n = 1; n <= count; n++)
            {
                resources.Add(new ResourceDocument
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"r-{center.Id}-{Abbreviation(type)}{n}"),
                    Type = type,
                    Status = "available",
                });
            }
        }

        return new CenterDocument
        {
            Id = center.Id,
            Name = CenterName(center),
            Kind = center.Kind,
            Location = new GeoPoint(center.Site.Lat, center.Site.Lon),
            ServiceRadiusKm = ServiceRadiusKm(center.Tier, remote),
            Resources = resources,
            Stock = DrawStock(center.Tier, remote, random, fleet),
        };
    }

    /// <summary>How far a center sends units: own centers serve their prefecture and the next, partners
    /// their county and its neighbours; in remote areas both reach much further, there is nobody else.</summary>
    public static double ServiceRadiusKm(CenterTier tier, bool remote) => (tier, remote) switch
    {
        (CenterTier.RemotePartner, _) => 350,
        (CenterTier.RoadPartner, _) => 200,
        (_, true) => 600,
        (CenterTier.Hub, false) => 300,
        _ => 250,
    };

    private static string CenterName(PlannedCenter center) => center.Tier.IsPartner()
        ? $"{center.Site.Place.Name} partner rescue operator"
        : $"{center.Site.Place.Name} service center";

    private static List<(string Type, int Count)> DrawFleet(CenterTier tier, bool remote, bool plateau, StableRandom r)
    {
        // Counts are per type in catalog order; zero counts are dropped below.
        var fleet = tier switch
        {
            CenterTier.Hub => new List<(string, int)>
            {
                (Flatbed, r.Between(4, 6)), (WheelLift, r.Between(2, 3)), (HeavyWrecker, r.Between(1, 2)),
                (Recovery4x4, remote ? 2 : r.Between(0, 1)), (ServiceVan, r.Between(4, 6)), (ChargingVan, r.Between(2, 3)),
            },
            CenterTier.Major => new List<(string, int)>
            {
                (Flatbed, r.Between(3, 4)), (WheelLift, r.Between(1, 2)), (HeavyWrecker, 1),
                (Recovery4x4, remote ? 2 : 0), (ServiceVan, r.Between(2, 4)), (ChargingVan, r.Between(1, 2)),
            },
            CenterTier.Standard => new List<(string, int)>
            {
                (Flatbed, r.Between(2, 3)), (WheelLift, r.Between(0, 1)), (HeavyWrecker, r.Between(0, 1)),
                (Recovery4x4, remote ? r.Between(1, 2) : 0), (ServiceVan, r.Between(2, 3)), (ChargingVan, 1),
            },
            CenterTier.RemotePartner => new List<(string, int)>
            {
                (Flatbed, 1), (WheelLift, r.Between(0, 1)), (HeavyWrecker, 0),
                (Recovery4x4, plateau ? 2 : r.Between(1, 2)), (ServiceVan, r.Between(0, 1)), (ChargingVan, 0),
            },
            _ => new List<(string, int)>
            {
                (Flatbed, r.Between(1, 2)), (WheelLift, 1), (HeavyWrecker, r.Between(0, 1)),
                (Recovery4x4, 0), (ServiceVan, r.Between(0, 1)), (ChargingVan, 0),
            },
        };
        return fleet.Where(f => f.Item2 > 0).ToList();
    }

    private static SortedDictionary<string, StockLevel> DrawStock(CenterTier tier, bool remote, StableRandom r, List<(string Type, int Count)> fleet)
    {
        var stock = new SortedDictionary<string, StockLevel>(StringComparer.Ordinal);

        // Only a center whose units change tyres or batteries onsite keeps parts.
        var fitsParts = fleet.Any(f => f.Type is ServiceVan or Recovery4x4 or ChargingVan);
        if (!fitsParts)
        {
            return stock;
        }

        var (tireMin, tireMax, sizes, batteries) = tier switch
        {
            CenterTier.Hub => (6, 8, TireSpecs.Count, 10),
            CenterTier.Major => remote ? (2, 4, TireSpecs.Count, 4) : (4, 6, TireSpecs.Count, 6),
            CenterTier.Standard => remote ? (2, 3, TireSpecs.Count, 3) : (2, 4, TireSpecs.Count, 4),
            // Partners keep the two most common sizes only; a rarer size comes from an own center.
            _ => (1, 2, 2, 2),
        };
        for (var i = 0; i < sizes; i++)
        {
            stock[TireSku(TireSpecs[i])] = new StockLevel { OnHand = r.Between(tireMin, tireMax), Reserved = 0 };
        }

        stock[BatterySku] = new StockLevel { OnHand = batteries, Reserved = 0 };
        return stock;
    }

    private static string Abbreviation(string type) => type switch
    {
        Flatbed => "fb",
        WheelLift => "wl",
        HeavyWrecker => "hw",
        Recovery4x4 => "4x4-",
        ServiceVan => "sv",
        ChargingVan => "cv",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
