using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Dispatching;

/// <summary>A validated incident as the solver sees it.</summary>
public sealed record Incident(
    GeoPoint Location,
    DateTimeOffset ReportedAt,
    string Fault,
    string Powertrain,
    string? TireSpec,
    string Priority,
    bool OnExpressway)
{
    /// <summary>A <c>bev</c>, <c>erev</c> or <c>phev</c> vehicle, which only <c>evTowTypes</c> may tow
    /// (docs/dispatch-semantics.md "Eligibility").</summary>
    public bool IsElectrified => Powertrain is "bev" or "erev" or "phev";
}
