using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>Builds small network documents by hand for <c>PUT /v1/network</c>.</summary>
/// <remarks>Every type drives 60 km/h with no mobilization and regions have circuity 1 and speed factor 1, so
/// an ETA in minutes equals the distance in km. Faults: <c>flat_tire</c> (onsite by service van with
/// <c>TIRE-{tireSpec}</c>, or tow with penalty 30), <c>stuck</c> (tow), <c>battery</c> (onsite, <c>BATT-12V</c>).</remarks>
internal sealed class TestNetwork
{
    public const string South = "R1";
    public const string North = "R2";

    private readonly List<CenterDocument> centers = [];
    private readonly List<DemandPointDocument> demandPoints = [];
    private readonly List<RuleDocument> rules = [];

    public static TestNetwork Create() => new();

    public TestNetwork Center(string id, GeoPoint location, Action<TestCenter> configure)
    {
        var center = new TestCenter(id, location);
        configure(center);
        centers.Add(center.Build());
        return this;
    }

    public TestNetwork DemandPoint(string id, GeoPoint location, double weight)
    {
        demandPoints.Add(new DemandPointDocument { Id = id, Location = location, Weight = weight });
        return this;
    }

    public TestNetwork Rule(RuleDocument rule)
    {
        rules.Add(rule);
        return this;
    }

    public NetworkDocument Build() => new()
    {
        Parameters = new NetworkParameters
        {
            TimeZone = "Asia/Shanghai",
            ResourceTypes = new Dictionary<string, ResourceTypeDocument>(StringComparer.Ordinal)
            {
                ["flatbed"] = Type("tow"),
                ["wheel_lift"] = Type("tow"),
                ["service_van"] = Type("service"),
            },
            EvTowTypes = ["flatbed"],
            Faults = new Dictionary<string, IReadOnlyList<FaultModeDocument>>(StringComparer.Ordinal)
            {
                ["flat_tire"] =
                [
                    new() { Mode = "onsite", Types = ["service_van"], Part = "TIRE-{tireSpec}", ServiceMin = 40, PenaltyMin = 0 },
                    new() { Mode = "tow", Types = ["flatbed", "wheel_lift"], ServiceMin = 60, PenaltyMin = 30 },
                ],
                ["stuck"] = [new() { Mode = "tow", Types = ["flatbed", "wheel_lift"], ServiceMin = 60, PenaltyMin = 0 }],
                ["battery"] = [new() { Mode = "onsite", Types = ["service_van"], Part = "BATT-12V", ServiceMin = 20, PenaltyMin = 0 }],
            },
            CrossRegionPenaltyMin = 20,
            PartnerPenaltyMin = 10,
            CoverageLambda = 1,
            PriorityCoverageFactor = Priorities(0, 0.5, 1),
            PriorityWeight = Priorities(4, 2, 1),
            UnassignedPenaltyMin = Priorities(100000, 50000, 20000),
        },
        Regions =
        [
            Region(South, TestPlaces.SouthArea),
            Region(North, TestPlaces.NorthArea),
        ],
        Centers = [.. centers],
        DemandPoints = [.. demandPoints],
        Rules = [.. rules],
    };

    private static ResourceTypeDocument Type(string coverageClass) => new() { SpeedKmh = 60, MobilizationMin = 0, CoverageClass = coverageClass };

    private static RegionDocument Region(string code, GeoJsonValue geometry) => new()
    {
        Code = code,
        Name = "Region " + code,
        Geometry = geometry,
        CoverageStandardMin = 60,
        CoverageWeight = 1,
        Circuity = 1,
        SpeedFactor = 1,
    };

    private static Dictionary<string, double> Priorities(double p1, double p2, double p3) =>
        new(StringComparer.Ordinal) { ["p1"] = p1, ["p2"] = p2, ["p3"] = p3 };
}

/// <summary>One center of a <see cref="TestNetwork"/>: direct, radius 50 km, no stock unless given.</summary>
internal sealed class TestCenter(string id, GeoPoint location)
{
    private readonly List<ResourceDocument> resources = [];
    private readonly Dictionary<string, StockLevel> stock = new(StringComparer.Ordinal);
    private string kind = "direct";
    private double serviceRadiusKm = 50;

    public TestCenter Partner()
    {
        kind = "partner";
        return this;
    }

    public TestCenter Radius(double km)
    {
        serviceRadiusKm = km;
        return this;
    }

    /// <summary>A unit; without <paramref name="position"/> it stands at the center.</summary>
    public TestCenter Resource(string resourceId, string type, GeoPoint? position = null, string status = "available")
    {
        resources.Add(new ResourceDocument { Id = resourceId, Type = type, Status = status, Position = position });
        return this;
    }

    public TestCenter Stock(string sku, int onHand, int reserved = 0)
    {
        stock[sku] = new StockLevel { OnHand = onHand, Reserved = reserved };
        return this;
    }

    public CenterDocument Build() => new()
    {
        Id = id,
        Name = "Center " + id,
        Kind = kind,
        Location = location,
        ServiceRadiusKm = serviceRadiusKm,
        Resources = [.. resources],
        Stock = new Dictionary<string, StockLevel>(stock, StringComparer.Ordinal),
    };
}
