using System.Globalization;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Benchmarks;

/// <summary>A deterministic national-scale network for benchmarks: 34 regions tiling China's bounding box,
/// centers, units and demand points scattered with a fixed seed, and rules with zones, scopes and windows.</summary>
public static class SyntheticNetwork
{
    public const double MinLon = 73, MaxLon = 135, MinLat = 18, MaxLat = 54;
    private const int Columns = 17, Rows = 2;

    private static readonly string[] Types = ["flatbed", "wheel_lift", "heavy_wrecker", "recovery_4x4", "service_van", "charging_van"];
    private static readonly string[] Tires = ["255/45R20", "265/45R21", "275/40R22", "245/50R20"];

    public static NetworkDocument Create(int centers = 2_000, int resourcesPerCenter = 10, int demandPoints = 10_000, int rules = 20, int seed = 20261123)
    {
        var random = new Random(seed);
        var regions = new List<RegionDocument>();
        var cellW = (MaxLon - MinLon) / Columns;
        var cellH = (MaxLat - MinLat) / Rows;
        for (var row = 0; row < Rows; row++)
        {
            for (var col = 0; col < Columns; col++)
            {
                var remote = col < 5;
                regions.Add(new RegionDocument
                {
                    Code = (110000 + (regions.Count * 10000)).ToString(CultureInfo.InvariantCulture),
                    Name = $"Region {regions.Count}",
                    Geometry = Rectangle(MinLon + (col * cellW), MinLat + (row * cellH), MinLon + ((col + 1) * cellW), MinLat + ((row + 1) * cellH)),
                    Remote = remote,
                    CoverageStandardMin = remote ? 240 : 60,
                    CoverageWeight = remote ? 3 : 1,
                    Circuity = remote ? 1.6 : 1.3,
                    SpeedFactor = remote ? 0.6 : 0.9,
                });
            }
        }

        var centerDocs = new List<CenterDocument>(centers);
        for (var c = 0; c < centers; c++)
        {
            // Denser in the east, as the real network is.
            var lon = MinLon + ((MaxLon - MinLon) * Math.Sqrt(random.NextDouble()));
            var lat = MinLat + ((MaxLat - MinLat) * random.NextDouble());
            var partner = random.NextDouble() < 0.2;
            var resources = new List<ResourceDocument>(resourcesPerCenter);
            for (var r = 0; r < resourcesPerCenter; r++)
            {
                resources.Add(new ResourceDocument
                {
                    Id = $"r-{c:D4}-{r:D2}",
                    Type = Types[random.Next(Types.Length)],
                    Status = random.NextDouble() < 0.05 ? "offline" : "available",
                });
            }

            var stock = new Dictionary<string, StockLevel>(StringComparer.Ordinal);
            foreach (var tire in Tires)
            {
                stock["TIRE-" + tire] = new StockLevel { OnHand = random.Next(0, 6), Reserved = 0 };
            }

            stock["BATT-12V-70AH"] = new StockLevel { OnHand = random.Next(0, 8), Reserved = 0 };
            centerDocs.Add(new CenterDocument
            {
                Id = $"c-{c:D4}",
                Name = $"Center {c}",
                Kind = partner ? "partner" : "direct",
                Location = new GeoPoint(lat, lon),
                ServiceRadiusKm = lon < MinLon + (5 * cellW) ? 400 : 150,
                Resources = resources,
                Stock = stock,
            });
        }

        var points = new List<DemandPointDocument>(demandPoints);
        for (var d = 0; d < demandPoints; d++)
        {
            points.Add(new DemandPointDocument
            {
                Id = $"d-{d:D5}",
                Location = new GeoPoint(MinLat + ((MaxLat - MinLat) * random.NextDouble()), MinLon + ((MaxLon - MinLon) * Math.Sqrt(random.NextDouble()))),
                Weight = Math.Round(1 + (random.NextDouble() * 20), 2),
            });
        }

        var ruleDocs = new List<RuleDocument>(rules);
        for (var i = 0; i < rules; i++)
        {
            var lon = MinLon + ((MaxLon - MinLon - 4) * random.NextDouble());
            var lat = MinLat + ((MaxLat - MinLat - 3) * random.NextDouble());
            var kind = i % 4;
            ruleDocs.Add(new RuleDocument
            {
                Id = $"rule-{i:D2}",
                Kind = kind == 1 ? "partner_only" : "deny",
                Types = kind switch
                {
                    0 => ["flatbed", "wheel_lift", "heavy_wrecker"],
                    1 => ["flatbed", "wheel_lift"],
                    2 => ["heavy_wrecker"],
                    _ => ["wheel_lift"],
                },
                Zone = kind == 1 && i % 8 == 1 ? null : Rectangle(lon, lat, lon + 1 + (3 * random.NextDouble()), lat + 1 + (2 * random.NextDouble())),
                Scope = kind == 1 ? "expressway" : null,
                Window = kind == 2 ? new RuleWindowDocument { Start = "07:00", End = "22:00", Days = [1, 2, 3, 4, 5] }
                    : kind == 3 ? new RuleWindowDocument { Start = "22:00", End = "06:00", Tz = "Asia/Urumqi" } : null,
            });
        }

        return new NetworkDocument
        {
            Parameters = Parameters(),
            Regions = regions,
            Centers = centerDocs,
            DemandPoints = points,
            Rules = ruleDocs,
        };
    }

    public static NetworkParameters Parameters() => new()
    {
        TimeZone = "Asia/Shanghai",
        ResourceTypes = new Dictionary<string, ResourceTypeDocument>(StringComparer.Ordinal)
        {
            ["flatbed"] = new() { SpeedKmh = 70, MobilizationMin = 10, CoverageClass = "tow" },
            ["wheel_lift"] = new() { SpeedKmh = 75, MobilizationMin = 8, CoverageClass = "tow" },
            ["heavy_wrecker"] = new() { SpeedKmh = 60, MobilizationMin = 15, CoverageClass = "tow" },
            ["recovery_4x4"] = new() { SpeedKmh = 65, MobilizationMin = 12, CoverageClass = "tow" },
            ["service_van"] = new() { SpeedKmh = 80, MobilizationMin = 5, CoverageClass = "service" },
            ["charging_van"] = new() { SpeedKmh = 75, MobilizationMin = 8, CoverageClass = "service" },
        },
        EvTowTypes = ["flatbed"],
        Faults = new Dictionary<string, IReadOnlyList<FaultModeDocument>>(StringComparer.Ordinal)
        {
            ["flat_tire"] =
            [
                new() { Mode = "onsite", Types = ["service_van"], Part = "TIRE-{tireSpec}", ServiceMin = 40, PenaltyMin = 0 },
                new() { Mode = "tow", Types = ["flatbed", "wheel_lift"], ServiceMin = 60, PenaltyMin = 30 },
            ],
            ["battery"] =
            [
                new() { Mode = "onsite", Types = ["service_van"], Part = "BATT-12V-70AH", ServiceMin = 30, PenaltyMin = 0 },
                new() { Mode = "tow", Types = ["flatbed", "wheel_lift"], ServiceMin = 60, PenaltyMin = 45 },
            ],
            ["out_of_charge"] =
            [
                new() { Mode = "onsite", Types = ["charging_van"], ServiceMin = 45, PenaltyMin = 0 },
                new() { Mode = "tow", Types = ["flatbed"], ServiceMin = 60, PenaltyMin = 20 },
            ],
            ["stuck"] = [new() { Mode = "tow", Types = ["recovery_4x4", "heavy_wrecker", "flatbed"], ServiceMin = 90, PenaltyMin = 0 }],
            ["accident"] = [new() { Mode = "tow", Types = ["flatbed", "wheel_lift", "heavy_wrecker"], ServiceMin = 75, PenaltyMin = 0 }],
        },
        CrossRegionPenaltyMin = 20,
        PartnerPenaltyMin = 10,
        CoverageLambda = 1.0,
        PriorityCoverageFactor = new Dictionary<string, double> { ["p1"] = 0, ["p2"] = 0.5, ["p3"] = 1 },
        PriorityWeight = new Dictionary<string, double> { ["p1"] = 4, ["p2"] = 2, ["p3"] = 1 },
        UnassignedPenaltyMin = new Dictionary<string, double> { ["p1"] = 100_000, ["p2"] = 50_000, ["p3"] = 20_000 },
    };

    /// <summary>Random incidents spread as the demand is, with a fixed seed.</summary>
    public static Incident[] Incidents(int count, int seed = 7)
    {
        var random = new Random(seed);
        string[] faults = ["flat_tire", "battery", "out_of_charge", "stuck", "accident"];
        string[] powertrains = ["bev", "erev", "phev", "ice"];
        string[] priorities = ["p1", "p2", "p3"];
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var incidents = new Incident[count];
        for (var i = 0; i < count; i++)
        {
            incidents[i] = new Incident(
                new GeoPoint(MinLat + 0.01 + ((MaxLat - MinLat - 0.02) * random.NextDouble()), MinLon + 0.01 + ((MaxLon - MinLon - 0.02) * Math.Sqrt(random.NextDouble()))),
                start.AddMinutes(random.Next(0, 7 * 24 * 60)),
                faults[random.Next(faults.Length)],
                powertrains[random.Next(powertrains.Length)],
                Tires[random.Next(Tires.Length)],
                priorities[random.Next(priorities.Length)],
                random.NextDouble() < 0.3);
        }

        return incidents;
    }

    private static GeoJsonValue Rectangle(double minLon, double minLat, double maxLon, double maxLat) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Polygon\",\"coordinates\":[[[{minLon},{minLat}],[{maxLon},{minLat}],[{maxLon},{maxLat}],[{minLon},{maxLat}],[{minLon},{minLat}]]]}}"));
}
