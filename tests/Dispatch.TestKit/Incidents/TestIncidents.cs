using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.TestKit.Incidents;

/// <summary>Incidents with plain defaults: an ice car stuck, priority p3, off the expressway, at a fixed time.</summary>
public static class TestIncidents
{
    /// <summary>The tyre size of the test cars, and the part a flat tyre of theirs asks for.</summary>
    public const string TyreSpec = "255/45R20";
    public const string Tyre = "TIRE-" + TyreSpec;

    /// <summary>Monday 2025-01-06 04:00 UTC, which is Monday 12:00 in Asia/Shanghai (UTC+8, no DST).</summary>
    public static DateTimeOffset MondayNoonShanghai { get; } = new(2025, 1, 6, 4, 0, 0, TimeSpan.Zero);

    public static Incident At(
        GeoPoint location,
        string fault = "stuck",
        string powertrain = "ice",
        string? tireSpec = null,
        string priority = "p3",
        bool onExpressway = false,
        DateTimeOffset? reportedAt = null) =>
        new(location, reportedAt ?? MondayNoonShanghai, fault, powertrain, tireSpec, priority, onExpressway);

    /// <summary>Stuck: tow only.</summary>
    public static Incident Stuck(GeoPoint location) => At(location);

    /// <summary>A flat tyre of <see cref="TyreSpec"/>: onsite with a <see cref="Tyre"/>, or tow.</summary>
    public static Incident FlatTire(GeoPoint location) => At(location, "flat_tire", tireSpec: TyreSpec);

    /// <summary>An incident id no other test uses.</summary>
    public static string NewId() => "inc-" + Guid.NewGuid().ToString("N")[..12];
}
