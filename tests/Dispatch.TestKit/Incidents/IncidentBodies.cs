using Dispatch.Solver.Documents;

namespace Dispatch.TestKit.Incidents;

/// <summary>Incident bodies for <c>POST /v1/incidents</c>. Each has a fixed <c>reportedAt</c>, so no answer depends on
/// when the test runs; the car has the test tyre size (<see cref="TestIncidents.TyreSpec"/>).</summary>
public static class IncidentBodies
{
    public const string TireSpec = TestIncidents.TyreSpec;
    public const string TireSku = TestIncidents.Tyre;

    /// <summary>Wednesday 2025-03-12 10:30 in Asia/Shanghai.</summary>
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
