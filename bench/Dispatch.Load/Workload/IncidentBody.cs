namespace Dispatch.Load.Workload;

/// <summary>The incident body of docs/api.md "Recommendations" as the generator sends it.</summary>
public sealed record IncidentBody(
    string? Id,
    Coordinates Location,
    string Fault,
    VehicleBody Vehicle,
    string Priority,
    bool OnExpressway,
    CustomerBody Customer,
    string Notes,
    bool? AutoDispatch = null);

public sealed record VehicleBody(string Model, string Powertrain, string? TireSpec);

public sealed record CustomerBody(string Name, string Phone);
