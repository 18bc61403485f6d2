using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.TestNetworks;

/// <summary>Incidents with plain defaults: an ice car stuck, priority p3, off the expressway.</summary>
public static class TestIncidents
{
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
}
