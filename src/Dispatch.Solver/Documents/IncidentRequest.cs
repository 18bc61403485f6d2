namespace Dispatch.Solver.Documents;

/// <summary>An incident as an agent reports it (docs/api.md "Recommendations", the incident body).</summary>
public sealed record IncidentRequest
{
    public string? Id { get; init; }
    public GeoPoint? Location { get; init; }
    public DateTimeOffset? ReportedAt { get; init; }
    public string? Fault { get; init; }
    public VehicleDocument? Vehicle { get; init; }
    public string? Priority { get; init; }
    public bool? OnExpressway { get; init; }
    public bool? AutoDispatch { get; init; }
    public CustomerDocument? Customer { get; init; }
    public string? Vin { get; init; }
    public string? Notes { get; init; }
}

public sealed record VehicleDocument
{
    public string? Model { get; init; }
    public string? Powertrain { get; init; }
    public string? TireSpec { get; init; }
}

public sealed record CustomerDocument
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
}
