using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Validation;

/// <summary>A small network document that passes validation, for tests to break one thing at a time.</summary>
/// <remarks>Two adjacent square regions sharing the meridian 100°E; a direct center in the west, a partner in
/// the east; one rule with a zone and a window, one with the expressway scope.</remarks>
internal static class ValidNetwork
{
    public const string WestSquare = """{"type":"Polygon","coordinates":[[[90,28],[100,28],[100,36],[90,36],[90,28]]]}""";
    public const string EastSquare = """{"type":"Polygon","coordinates":[[[100,28],[110,28],[110,36],[100,36],[100,28]]]}""";
    public const string SmallZone = """{"type":"Polygon","coordinates":[[[92,30],[94,30],[94,32],[92,32],[92,30]]]}""";

    public static NetworkDocument Build() => new()
    {
        Parameters = Parameters(),
        Regions =
        [
            Region("540000", WestSquare) with { Name = "West", Remote = true, CoverageStandardMin = 240, CoverageWeight = 3 },
            Region("510000", EastSquare) with { Name = "East" },
        ],
        Centers =
        [
            new CenterDocument
            {
                Id = "c-west",
                Name = "West direct",
                Kind = "direct",
                Location = new GeoPoint(30, 91),
                ServiceRadiusKm = 600,
                Resources =
                [
                    new ResourceDocument { Id = "r-west-fb1", Type = "flatbed", Status = "available" },
                    new ResourceDocument { Id = "r-west-van1", Type = "service_van", Status = "offline", Position = new GeoPoint(31, 92) },
                ],
                Stock = new Dictionary<string, StockLevel>
                {
                    ["TIRE-255/45R20"] = new() { OnHand = 4, Reserved = 1 },
                    ["BATT-12V"] = new() { OnHand = 2, Reserved = 0 },
                },
            },
            new CenterDocument
            {
                Id = "c-east",
                Name = "East partner",
                Kind = "partner",
                Location = new GeoPoint(32, 105),
                ServiceRadiusKm = 300,
                Resources = [new ResourceDocument { Id = "r-east-wl1", Type = "wheel_lift", Status = "available" }],
                Stock = new Dictionary<string, StockLevel>(),
            },
        ],
        DemandPoints =
        [
            new DemandPointDocument { Id = "d-west", Location = new GeoPoint(31, 95), Weight = 12.5 },
            new DemandPointDocument { Id = "d-east", Location = new GeoPoint(33, 104), Weight = 0 },
        ],
        Rules =
        [
            new RuleDocument
            {
                Id = "zone-no-tow",
                Kind = "deny",
                Types = ["flatbed", "wheel_lift"],
                Zone = new GeoJsonValue(SmallZone),
                Window = new RuleWindowDocument { Start = "22:00", End = "07:00", Days = [1, 2, 3, 4, 5], Tz = "Asia/Shanghai" },
                Description = "No towing in the reserve at night.",
            },
            new RuleDocument { Id = "expressway-partners", Kind = "partner_only", Types = ["wheel_lift"], Scope = "expressway" },
        ],
    };

    public static RegionDocument Region(string code, string geometry) => new()
    {
        Code = code,
        Geometry = new GeoJsonValue(geometry),
        CoverageStandardMin = 60,
        CoverageWeight = 1,
        Circuity = 1.3,
        SpeedFactor = 0.9,
    };

    private static NetworkParameters Parameters() => new()
    {
        TimeZone = "Asia/Shanghai",
        ResourceTypes = new Dictionary<string, ResourceTypeDocument>
        {
            ["flatbed"] = new() { SpeedKmh = 70, MobilizationMin = 10, CoverageClass = "tow" },
            ["wheel_lift"] = new() { SpeedKmh = 75, MobilizationMin = 8, CoverageClass = "tow" },
            ["service_van"] = new() { SpeedKmh = 90, MobilizationMin = 0, CoverageClass = "service" },
        },
        EvTowTypes = ["flatbed"],
        Faults = new Dictionary<string, IReadOnlyList<FaultModeDocument>>
        {
            ["flat_tire"] =
            [
                new() { Mode = "onsite", Types = ["service_van"], Part = "TIRE-{tireSpec}", ServiceMin = 40, PenaltyMin = 0 },
                new() { Mode = "tow", Types = ["flatbed", "wheel_lift"], ServiceMin = 60, PenaltyMin = 30 },
            ],
            ["battery"] = [new() { Mode = "onsite", Types = ["service_van"], Part = "BATT-12V", ServiceMin = 20 }],
            ["lockout"] = [],
        },
        CrossRegionPenaltyMin = 20,
        PartnerPenaltyMin = 10,
        CoverageLambda = 1,
        PriorityCoverageFactor = Priorities(0, 0.5, 1),
        PriorityWeight = Priorities(4, 2, 1),
        UnassignedPenaltyMin = Priorities(100000, 50000, 20000),
    };

    private static Dictionary<string, double> Priorities(double p1, double p2, double p3) => new() { ["p1"] = p1, ["p2"] = p2, ["p3"] = p3 };
}
