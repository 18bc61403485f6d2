namespace Dispatch.Solver.Documents;

/// <summary>An incident as an agent reports it (docs/api.md "Recommendations", the incident body).</summary>
public sealed record IncidentRequest
{
    /// <summary>The case id, optional; makes <c>POST /v1/incidents</c> idempotent. At most 128 URL-safe characters.</summary>
    public string? Id { get; init; }
    /// <summary>Where the vehicle is; required. Outside every region the answer is 422.</summary>
    public GeoPoint? Location { get; init; }
    /// <summary>When the call came in, years 2000–2200; default: when the request arrived. Rule windows and
    /// replays use it, not the clock.</summary>
    public DateTimeOffset? ReportedAt { get; init; }
    /// <summary>A key of the network's fault catalog; required. An unknown fault excludes every unit
    /// (<c>cannot_serve_fault</c>), it is not a 400.</summary>
    public string? Fault { get; init; }
    /// <summary>The broken-down vehicle; required for its powertrain.</summary>
    public VehicleDocument? Vehicle { get; init; }
    /// <summary><c>p1</c>, <c>p2</c> or <c>p3</c> (p1 most urgent); required. Scales the coverage term, and the
    /// weights and penalties of batch dispatch.</summary>
    public string? Priority { get; init; }
    /// <summary>Whether the vehicle is on an expressway, where access rules with <c>scope: "expressway"</c> apply;
    /// default false.</summary>
    public bool? OnExpressway { get; init; }
    /// <summary>With <c>POST /v1/incidents</c>: also dispatch the recommendation when the case opens; default false.</summary>
    public bool? AutoDispatch { get; init; }
    /// <summary>Who called, optional; kept with the case and masked for planners.</summary>
    public CustomerDocument? Customer { get; init; }
    /// <summary>The vehicle identification number, optional; kept with the case and masked for planners.</summary>
    public string? Vin { get; init; }
    /// <summary>Free text for people, optional (line breaks allowed); masked for planners.</summary>
    public string? Notes { get; init; }
}

/// <summary>The vehicle of an incident body: its powertrain and tyre size decide who may serve it and with which part.</summary>
public sealed record VehicleDocument
{
    /// <summary>The make and model, optional; for people, the solver does not use it.</summary>
    public string? Model { get; init; }
    /// <summary><c>bev</c>, <c>erev</c>, <c>phev</c> or <c>ice</c>; required. The first three may only be towed by
    /// <c>evTowTypes</c>.</summary>
    public string? Powertrain { get; init; }
    /// <summary>The tyre size (e.g. <c>205/55R16</c>), optional; fills <c>{tireSpec}</c> in part templates. Without it a
    /// mode that needs such a part excludes the unit (<c>part_spec_unknown</c>).</summary>
    public string? TireSpec { get; init; }
}

/// <summary>The caller of an incident, stored with the case for follow-up; masked as <c>***</c> for planners.</summary>
public sealed record CustomerDocument
{
    /// <summary>The caller's name, at most 200 characters.</summary>
    public string? Name { get; init; }
    /// <summary>A number to call back, at most 40 characters.</summary>
    public string? Phone { get; init; }
}
