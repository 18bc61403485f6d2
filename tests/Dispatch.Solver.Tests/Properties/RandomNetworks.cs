using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>Seeded generator of small valid networks that touch every feature of docs/dispatch-semantics.md, and of
/// incidents, queries and live changes for them. One seed gives one network and one stream of draws.</summary>
internal sealed class RandomNetworks
{
    public static readonly DateTimeOffset WeekStart = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero); // a Monday

    private static readonly string[] TypePool = ["flatbed", "wheel_lift", "heavy_wrecker", "recovery_4x4", "service_van", "charging_van"];
    private static readonly string[] FaultPool = ["flat_tire", "battery", "out_of_charge", "stuck", "accident", "breakdown", "lockout"];
    private static readonly string[] TireSpecs = ["205/55R16", "225/45R17", "255/45R20"];
    private static readonly string[] FixedParts = ["BAT-12V", "KIT-LOCK", "CHG-PACK"];
    private static readonly string[] TimeZones = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Kathmandu", "America/New_York", "Europe/London", "UTC"];
    private static readonly string[] IdPrefixes = ["r-", "R-", "u_", "a", "Z", "r-0"]; // "r-0" + n never equals "r-" + m
    private static readonly string[] Powertrains = ["bev", "erev", "phev", "ice"];
    private static readonly string[] Priorities = ["p1", "p2", "p3"];
    private static readonly double[] Penalties = [0, 10, 20, 30];

    // Regions are drawn in this box; incidents and moves sometimes anywhere in a wider one.
    private const double MinLon = 90, MinLat = 29, MaxLon = 96, MaxLat = 34;

    private readonly Random random;
    private readonly int seed;

    public RandomNetworks(int seed)
    {
        this.seed = seed;
        random = new Random(seed);
    }

    public static GeneratedNetwork Generate(int seed) => new RandomNetworks(seed).NextNetwork();

    public GeneratedNetwork NextNetwork()
    {
        var shapes = Enumerable.Range(0, random.Next(2, 5)).Select(_ => RandomShape.Next(random, MinLon, MinLat, MaxLon, MaxLat)).ToList();
        var parameters = NextParameters();
        var types = parameters.ResourceTypes!.Keys.ToList();
        var regions = shapes.Select((s, i) => NextRegion(s, i)).ToList();
        // One network in ten is larger, so that the engine's spatial search and pruning have something to prune.
        var centers = NextCenters(shapes, types, random.Next(10) == 0 ? random.Next(10, 26) : random.Next(2, 7));
        var demandPoints = Enumerable.Range(0, random.Next(0, 7))
            .Select(i => new DemandPointDocument { Id = $"d{i}", Location = Pick(shapes).SamplePoint(random), Weight = random.Next(4) == 0 ? 0 : Math.Round(random.NextDouble() * 50, 2) })
            .ToList();
        var zones = new List<RandomShape>();
        var rules = Enumerable.Range(0, random.Next(0, 6)).Select(i => NextRule(i, shapes, types, demandPoints, zones)).ToList();
        var document = new NetworkDocument
        {
            Parameters = parameters,
            Regions = regions,
            Centers = centers,
            DemandPoints = demandPoints,
            Rules = rules,
        };
        return new GeneratedNetwork(seed, document, shapes, zones);
    }

    public Incident NextIncident(GeneratedNetwork network)
    {
        var roll = random.NextDouble();
        var location = roll < 0.76 ? Pick(network.RegionShapes).SamplePoint(random)
            : roll < 0.84 ? Pick(network.Centers.ToList()).Location!
            : roll < 0.9 ? NextPointOnAnEdge(network)
            : NextWidePoint();
        var faults = network.Document.Parameters!.Faults!.Keys.ToList();
        var fault = random.Next(8) == 0 ? "meteor_strike" : Pick(faults);
        var tireSpec = random.Next(4) == 0 ? null : random.Next(6) == 0 ? "195/65R15" : Pick(TireSpecs);
        return new Incident(location, NextReportedAt(network), fault, Pick(Powertrains), tireSpec, Pick(Priorities), random.Next(2) == 0);
    }

    /// <summary>A point north of every region (they end at lat 34).</summary>
    public GeoPoint NextOutsidePoint() => new(34.5 + (random.NextDouble() * 5), 85 + (random.NextDouble() * 15));

    public RecommendationQuery NextLimitedQuery() =>
        new(random.Next(1, 5), random.Next(0, 5), random.Next(2) == 0 ? RankingPolicy.Coverage : RankingPolicy.Closest);

    public NetworkMutation NextMutation(GeneratedNetwork network)
    {
        var roll = random.Next(10);
        if (roll < 4)
        {
            var status = (ResourceStatus)random.Next(3);
            return new NetworkMutation.SetStatus(Pick(network.Resources.ToList()).Id!, status);
        }

        if (roll < 7)
        {
            var where = random.Next(5);
            var point = where < 3 ? Pick(network.RegionShapes).SamplePoint(random)
                : where < 4 ? Pick(network.Centers.ToList()).Location!
                : NextWidePoint();
            return new NetworkMutation.Move(Pick(network.Resources.ToList()).Id!, point);
        }

        var onHand = random.Next(0, 4);
        return new NetworkMutation.SetStock(Pick(network.Centers.ToList()).Id!, NextSku(), onHand, random.Next(0, onHand + 1));
    }

    private NetworkParameters NextParameters()
    {
        var typeNames = TypePool.OrderBy(_ => random.Next()).Take(random.Next(3, 6)).ToList();
        var resourceTypes = typeNames.ToDictionary(
            t => t,
            t => new ResourceTypeDocument
            {
                SpeedKmh = Pick([40.0, 50, 60, 70, 80]),
                MobilizationMin = Pick([0.0, 5, 10, 15, 20, 30]),
                CoverageClass = t.Contains("van", StringComparison.Ordinal) ? "service" : random.Next(5) == 0 ? "recovery" : "tow",
            });
        var faults = FaultPool.OrderBy(_ => random.Next()).Take(random.Next(2, 6)).ToDictionary(f => f, _ => (IReadOnlyList<FaultModeDocument>)NextModes(typeNames));
        return new NetworkParameters
        {
            TimeZone = Pick(["Asia/Shanghai", "Asia/Urumqi", "UTC"]),
            ResourceTypes = resourceTypes,
            EvTowTypes = random.Next(4) == 0 ? null : Subset(typeNames, 1),
            Faults = faults,
            CrossRegionPenaltyMin = Pick([0.0, 10, 20]),
            PartnerPenaltyMin = Pick([0.0, 10, 20]),
            CoverageLambda = Pick([0.0, 0.5, 1.0, 2.5]),
            PriorityCoverageFactor = new Dictionary<string, double>
            {
                ["p1"] = 0.0,
                ["p2"] = Pick([0.0, 0.5, Math.Round(random.NextDouble(), 3)]),
                ["p3"] = Pick([1.0, Math.Round(random.NextDouble() * 2, 3)]),
            },
            PriorityWeight = new Dictionary<string, double> { ["p1"] = 4, ["p2"] = 2, ["p3"] = 1 },
            UnassignedPenaltyMin = new Dictionary<string, double> { ["p1"] = 100000, ["p2"] = 50000, ["p3"] = 20000 },
        };
    }

    private List<FaultModeDocument> NextModes(List<string> typeNames)
    {
        var names = random.Next(12) switch
        {
            0 => [],
            < 4 => new[] { "onsite" },
            < 6 => ["tow"],
            < 9 => ["onsite", "tow"],
            _ => ["tow", "onsite"],
        };
        return names.Select(mode => new FaultModeDocument
        {
            Mode = mode,
            Types = Subset(typeNames, 1),
            Part = NextPartTemplate(mode),
            ServiceMin = random.Next(10, 90),
            PenaltyMin = Pick(Penalties),
        }).ToList();
    }

    private string? NextPartTemplate(string mode) => random.Next(mode == "onsite" ? 3 : 8) switch
    {
        0 => random.Next(2) == 0 ? "TIRE-{tireSpec}" : Pick(FixedParts),
        _ => null,
    };

    private RegionDocument NextRegion(RandomShape shape, int index) => new()
    {
        Code = $"{610000 + (index * 10000)}",
        Name = $"Region {index}",
        Geometry = shape.ToGeoJson(),
        Remote = random.Next(2) == 0,
        CoverageStandardMin = Pick([30.0, 60, 120, 240, Math.Round(30 + (random.NextDouble() * 300), 1)]),
        CoverageWeight = Pick([0.0, 1.0, 1.0, 2.0, 3.5]),
        Circuity = Pick([1.0, 1.3, Math.Round(1 + random.NextDouble(), 3)]),
        SpeedFactor = Pick([1.0, 0.6, Math.Round(0.4 + random.NextDouble(), 3)]),
    };

    private List<CenterDocument> NextCenters(List<RandomShape> shapes, List<string> types, int count)
    {
        var centers = new List<CenterDocument>();
        var nextResource = 0;
        for (var i = 0; i < count; i++)
        {
            // Now and then two centers share a spot, so that their resources tie on eta.
            var location = i > 0 && random.Next(8) == 0 ? centers[random.Next(i)].Location! : Pick(shapes).SamplePoint(random);
            var resources = Enumerable.Range(0, random.Next(1, 6)).Select(_ => NextResource(nextResource++, types, location)).ToList();
            centers.Add(new CenterDocument
            {
                Id = $"c{i}",
                Name = $"Center {i}",
                Kind = random.Next(3) == 0 ? "partner" : "direct",
                Location = location,
                ServiceRadiusKm = Pick([50.0, 150, 300, 600, Math.Round(20 + (random.NextDouble() * 600), 1)]),
                Resources = resources,
                Stock = NextStock(),
            });
        }

        return centers;
    }

    private ResourceDocument NextResource(int number, List<string> types, GeoPoint centerLocation)
    {
        var status = random.Next(20) switch
        {
            < 14 => "available",
            < 17 => "offline",
            _ => "assigned",
        };
        var position = random.Next(7) switch
        {
            0 => centerLocation,
            1 => new GeoPoint(centerLocation.Lat + ((random.NextDouble() - 0.5) * 1.5), centerLocation.Lon + ((random.NextDouble() - 0.5) * 1.5)),
            _ => null,
        };
        return new ResourceDocument { Id = Pick(IdPrefixes) + number, Type = Pick(types), Status = status, Position = position };
    }

    private Dictionary<string, StockLevel> NextStock()
    {
        var stock = new Dictionary<string, StockLevel>();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            var onHand = random.Next(0, 4);
            stock[NextSku()] = new StockLevel { OnHand = onHand, Reserved = random.Next(0, onHand + 1) };
        }

        return stock;
    }

    private string NextSku() => random.Next(2) == 0 ? "TIRE-" + Pick(TireSpecs) : Pick(FixedParts);

    private RuleDocument NextRule(int index, List<RandomShape> shapes, List<string> types, List<DemandPointDocument> demandPoints, List<RandomShape> zones)
    {
        var zoneRoll = random.Next(10);
        var zoneShape = zoneRoll switch
        {
            < 4 => RandomShape.Next(random, MinLon, MinLat, MaxLon, MaxLat),
            < 7 => SmallBoxAround(demandPoints.Count > 0 && random.Next(2) == 0 ? Pick(demandPoints).Location! : Pick(shapes).SamplePoint(random)),
            _ => null,
        };
        if (zoneShape is not null)
        {
            zones.Add(zoneShape);
        }

        var zone = zoneShape?.ToGeoJson();
        var scope = zone is null || random.Next(3) == 0 ? "expressway" : null;
        return new RuleDocument
        {
            Id = $"rule-{Pick(["a", "B", "c"])}{index}",
            Kind = random.Next(2) == 0 ? "deny" : "partner_only",
            Types = Subset(types, 1),
            Zone = zone,
            Scope = scope,
            Window = random.Next(5) < 2 ? NextWindow() : null,
            Description = "generated",
        };
    }

    private RandomShape SmallBoxAround(GeoPoint point)
    {
        var half = 0.3 + (random.NextDouble() * 0.7);
        var (west, south) = (Math.Round(point.Lon - half, 3), Math.Round(point.Lat - half, 3));
        var (east, north) = (Math.Round(point.Lon + half, 3), Math.Round(point.Lat + half, 3));
        return new RandomShape([(west, south), (east, south), (east, north), (west, north)]);
    }

    /// <summary>A point exactly on a side or corner of a rectangular region or zone (the boundary counts as inside).</summary>
    private GeoPoint NextPointOnAnEdge(GeneratedNetwork network)
    {
        var rectangles = network.RegionShapes.Concat(network.ZoneShapes).Where(s => s.Corners.Count == 4).ToList();
        if (rectangles.Count == 0)
        {
            return Pick(network.RegionShapes).SamplePoint(random);
        }

        var rectangle = Pick(rectangles);
        var (west, south) = rectangle.Corners[0];
        var (east, north) = rectangle.Corners[2];
        var lon = west + (random.NextDouble() * (east - west));
        var lat = south + (random.NextDouble() * (north - south));
        return random.Next(5) switch
        {
            0 => new GeoPoint(south, lon),
            1 => new GeoPoint(north, lon),
            2 => new GeoPoint(lat, west),
            3 => new GeoPoint(lat, east),
            _ => new GeoPoint(random.Next(2) == 0 ? south : north, random.Next(2) == 0 ? west : east),
        };
    }

    private RuleWindowDocument NextWindow()
    {
        var start = random.Next(2) == 0 ? random.Next(24) * 60 : random.Next(1440);
        var end = start;
        while (end == start)
        {
            end = random.Next(2) == 0 ? random.Next(24) * 60 : random.Next(1440);
        }

        IReadOnlyList<int>? days = random.Next(10) switch
        {
            < 3 => null,
            3 => [],
            _ => Subset(Enumerable.Range(1, 7).ToList(), 1).Order().ToList(),
        };
        return new RuleWindowDocument { Start = Clock(start), End = Clock(end), Days = days, Tz = random.Next(5) < 2 ? null : Pick(TimeZones) };
    }

    private DateTimeOffset NextReportedAt(GeneratedNetwork network)
    {
        var windows = network.Document.Rules!.Where(r => r.Window is not null).ToList();
        if (windows.Count > 0 && random.Next(5) == 0)
        {
            // Exactly on a window edge, to exercise start inclusive / end exclusive.
            var window = Pick(windows).Window!;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(window.Tz ?? network.Document.Parameters!.TimeZone!);
            var clock = random.Next(2) == 0 ? window.Start! : window.End!;
            var local = new DateTime(2026, 11, 23 + random.Next(7), int.Parse(clock[..2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(clock[3..], System.Globalization.CultureInfo.InvariantCulture), 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        }

        var instant = WeekStart.AddMinutes(random.Next(7 * 1440));
        return random.Next(2) == 0 ? instant : instant.AddSeconds(random.Next(60)).AddMilliseconds(random.Next(1000));
    }

    private GeoPoint NextWidePoint() => new(27 + (random.NextDouble() * 10), 88 + (random.NextDouble() * 10));

    private static string Clock(int minuteOfDay) => $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private List<T> Subset<T>(IReadOnlyList<T> items, int atLeast)
    {
        var shuffled = items.OrderBy(_ => random.Next()).ToList();
        return shuffled.Take(random.Next(atLeast, items.Count + 1)).ToList();
    }
}
