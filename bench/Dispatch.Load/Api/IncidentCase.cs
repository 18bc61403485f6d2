using Dispatch.Load.Workload;

namespace Dispatch.Load.Api;

/// <summary>The fields of a case (docs/api.md "Incidents") the generator and the audit look at.</summary>
public sealed record IncidentCase(string Id, string? Status, Assignment? Assignment)
{
    public Lifecycle? State => LifecycleRules.Parse(Status);
}
