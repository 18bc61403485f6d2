using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Networks;

/// <summary>Builds a small valid network document under a key of its own: the key names the network (and its
/// dispatcher) and prefixes every center id, because center grains are keyed by center id across the cluster.</summary>
/// <remarks>Every type drives 60 km/h with no mobilization and the region has circuity and speed factor 1, so an
/// eta in minutes is the distance in km. No demand points (coverage loss 0), no rules.</remarks>
public sealed class TestNetwork
{
    public const string Region = "R1";
    public const string TyreSpec = "255/45R20";
    public const string Tyre = "TIRE-" + TyreSpec;

    private readonly List<CenterDocument> centers = [];

    public string Key { get; } = "net-" + Guid.NewGuid().ToString("N")[..12];

    public string CenterId(string name) => Key + "-" + name;

    /// <summary>Adds a direct center, radius 1000 km, with units standing at the center and tyres in stock.</summary>
    public TestNetwork Center(string name, GeoPoint location, int tyres = 0, params (string Id, string Type)[] units) =>
        Center(name, location, 1000, tyres, units);

    public TestNetwork Center(string name, GeoPoint location, double radiusKm, int tyres, params (string Id, string Type)[] units)
    {
        centers.Add(new CenterDocument
        {
            Id = CenterId(name),
            Name = "Center " + name,
            Kind = "direct",
            Location = location,
            ServiceRadiusKm = radiusKm,
            Resources = [.. units.Select(u => new ResourceDocument { Id = u.Id, Type = u.Type, Status = "available" })],
            Stock = tyres > 0 ? new Dictionary<string, StockLevel> { [Tyre] = new() { OnHand = tyres, Reserved = 0 } } : new Dictionary<string, StockLevel>(),
        });
        return this;
    }

    public NetworkDocument Build() => new()
    {
        Parameters = new NetworkParameters
        {
            TimeZone = "Asia/Shanghai",
            ResourceTypes = new Dictionary<string, ResourceTypeDocument>
            {
                ["flatbed"] = Type("tow"),
                ["wheel_lift"] = Type("tow"),
                ["service_van"] = Type("service"),
            },
            EvTowTypes = ["flatbed"],
            Faults = new Dictionary<string, IReadOnlyList<FaultModeDocument>>
            {
                ["stuck"] = [Mode("tow", ["flatbed", "wheel_lift"])],
                ["flat_tire"] = [Mode("onsite", ["service_van"], part: "TIRE-{tireSpec}"), Mode("tow", ["flatbed", "wheel_lift"], penaltyMin: 30)],
            },
            CrossRegionPenaltyMin = 20,
            PartnerPenaltyMin = 10,
            CoverageLambda = 1.0,
            PriorityCoverageFactor = new Dictionary<string, double> { ["p1"] = 0.0, ["p2"] = 0.5, ["p3"] = 1.0 },
            PriorityWeight = new Dictionary<string, double> { ["p1"] = 4, ["p2"] = 2, ["p3"] = 1 },
            UnassignedPenaltyMin = new Dictionary<string, double> { ["p1"] = 100000, ["p2"] = 50000, ["p3"] = 20000 },
        },
        Regions =
        [
            new RegionDocument
            {
                Code = Region,
                Name = "Region " + Region,
                Geometry = Places.RegionArea,
                CoverageStandardMin = 60,
                CoverageWeight = 1,
                Circuity = 1,
                SpeedFactor = 1,
            },
        ],
        Centers = [.. centers],
        DemandPoints = [],
        Rules = [],
    };

    private static ResourceTypeDocument Type(string coverageClass) => new() { SpeedKmh = 60, MobilizationMin = 0, CoverageClass = coverageClass };

    private static FaultModeDocument Mode(string mode, string[] types, string? part = null, double penaltyMin = 0) =>
        new() { Mode = mode, Types = types, Part = part, ServiceMin = 30, PenaltyMin = penaltyMin };
}
