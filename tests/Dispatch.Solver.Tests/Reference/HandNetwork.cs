using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>A small network whose numbers are easy to work out by hand; tests vary it with <c>with</c>.</summary>
/// <remarks>
/// Every place sits on the meridian lon 101, so distances are degrees of latitude times
/// 6371.0088 * pi / 180 = 111.19508023 km. Region A (lat 30..32) has circuity 1.5 and speed factor 0.75,
/// so an eta there is mobilization + 60 * km * 1.5 / (speed * 0.75) = mobilization + 120 * km / speed.
/// Region B (lat 32..34) has circuity 1.2 and speed factor 1.0.
/// </remarks>
internal static class HandNetwork
{
    public static readonly GeoPoint IncidentSpot = new(31.0, 101.0);

    public static NetworkParameters Parameters => new()
    {
        TimeZone = "Asia/Shanghai",
        ResourceTypes = new Dictionary<string, ResourceTypeDocument>
        {
            ["flatbed"] = new() { SpeedKmh = 60, MobilizationMin = 10, CoverageClass = "tow" },
            ["wheel_lift"] = new() { SpeedKmh = 60, MobilizationMin = 10, CoverageClass = "tow" },
            ["van"] = new() { SpeedKmh = 80, MobilizationMin = 5, CoverageClass = "service" },
        },
        EvTowTypes = ["flatbed"],
        Faults = new Dictionary<string, IReadOnlyList<FaultModeDocument>>
        {
            ["flat_tire"] =
            [
                new() { Mode = "onsite", Types = ["van"], Part = "TIRE-{tireSpec}", ServiceMin = 40, PenaltyMin = 0 },
                new() { Mode = "tow", Types = ["flatbed", "wheel_lift"], ServiceMin = 60, PenaltyMin = 30 },
            ],
            ["battery"] = [new() { Mode = "onsite", Types = ["van"], Part = "BAT-12V", ServiceMin = 20, PenaltyMin = 0 }],
        },
        CrossRegionPenaltyMin = 20,
        PartnerPenaltyMin = 10,
        CoverageLambda = 1.0,
        PriorityCoverageFactor = new Dictionary<string, double> { ["p1"] = 0.0, ["p2"] = 0.5, ["p3"] = 1.0 },
        PriorityWeight = new Dictionary<string, double> { ["p1"] = 4, ["p2"] = 2, ["p3"] = 1 },
        UnassignedPenaltyMin = new Dictionary<string, double> { ["p1"] = 100000, ["p2"] = 50000, ["p3"] = 20000 },
    };

    public static RegionDocument RegionA => new()
    {
        Code = "A", Name = "Region A", Geometry = GeoJsonShapes.Rectangle(100, 30, 102, 32),
        CoverageStandardMin = 120, CoverageWeight = 2.0, Circuity = 1.5, SpeedFactor = 0.75,
    };

    public static RegionDocument RegionB => new()
    {
        Code = "B", Name = "Region B", Geometry = GeoJsonShapes.Rectangle(100, 32, 102, 34), Remote = true,
        CoverageStandardMin = 240, CoverageWeight = 3.0, Circuity = 1.2, SpeedFactor = 1.0,
    };

    /// <summary>c1 (direct, region A, 0.5 deg north of the incident) with van1 and fb1, and a tyre in stock;
    /// c2 (partner, region B, 1.5 deg north) with fb2.</summary>
    public static NetworkDocument Document => new()
    {
        Parameters = Parameters,
        Regions = [RegionA, RegionB],
        Centers = [CenterOne, CenterTwo],
        DemandPoints = [new() { Id = "d1", Location = new GeoPoint(31.2, 101.0), Weight = 10 }],
        Rules = [],
    };

    public static CenterDocument CenterOne => new()
    {
        Id = "c1", Name = "Center one", Kind = "direct", Location = new GeoPoint(31.5, 101.0), ServiceRadiusKm = 500,
        Resources =
        [
            new() { Id = "van1", Type = "van", Status = "available" },
            new() { Id = "fb1", Type = "flatbed", Status = "available" },
        ],
        Stock = new Dictionary<string, StockLevel> { ["TIRE-255/45R20"] = new() { OnHand = 2, Reserved = 1 } },
    };

    public static CenterDocument CenterTwo => new()
    {
        Id = "c2", Name = "Center two", Kind = "partner", Location = new GeoPoint(32.5, 101.0), ServiceRadiusKm = 500,
        Resources = [new() { Id = "fb2", Type = "flatbed", Status = "available" }],
        Stock = new Dictionary<string, StockLevel>(),
    };

    public static Incident Incident(
        string fault = "flat_tire", string powertrain = "ice", string? tireSpec = "255/45R20", string priority = "p3",
        bool onExpressway = false, GeoPoint? at = null, DateTimeOffset? reportedAt = null) =>
        new(at ?? IncidentSpot, reportedAt ?? new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero), fault, powertrain, tireSpec, priority, onExpressway);
}
