using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Networks;

/// <summary>Incidents with plain defaults: an ice car stuck, priority p3, off the expressway, at a fixed time.</summary>
public static class TestIncidents
{
    public static DateTimeOffset ReportedAt { get; } = new(2025, 1, 6, 4, 0, 0, TimeSpan.Zero);

    public static Incident Stuck(GeoPoint location) => new(location, ReportedAt, "stuck", "ice", null, "p3", false);

    public static Incident FlatTire(GeoPoint location) => new(location, ReportedAt, "flat_tire", "ice", TestNetwork.TyreSpec, "p3", false);

    public static string NewId() => "inc-" + Guid.NewGuid().ToString("N")[..12];
}
