using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>Incident bodies. Each has a fixed <c>reportedAt</c>, so no answer depends on when the test runs.</summary>
internal static class TestIncidents
{
    public const string TireSpec = "235/55R19";
    public const string TireSku = "TIRE-" + TireSpec;

    public static readonly DateTimeOffset ReportedAt = new(2025, 3, 12, 2, 30, 0, TimeSpan.Zero);

    /// <summary>A flat tyre on a combustion car: onsite (service van with a tyre) or tow.</summary>
    public static IncidentRequest FlatTire(GeoPoint at, string? id = null, string priority = "p2") => new()
    {
        Id = id,
        Location = at,
        ReportedAt = ReportedAt,
        Fault = "flat_tire",
        Vehicle = new VehicleDocument { Model = "Aurora S", Powertrain = "ice", TireSpec = TireSpec },
        Priority = priority,
    };

    /// <summary>Stuck: tow only.</summary>
    public static IncidentRequest Stuck(GeoPoint at, string? id = null) => FlatTire(at, id) with { Fault = "stuck" };

    public static IncidentRequest WithCustomer(this IncidentRequest request, string name, string phone) =>
        request with { Customer = new CustomerDocument { Name = name, Phone = phone } };
}
