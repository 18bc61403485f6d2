using System.Collections.Immutable;

namespace Dispatch.Grains.Auditing;

/// <summary>One audited action: who (<see cref="KeyId"/>, or <see cref="Caller.System"/>), what
/// (<see cref="Action"/>, e.g. <c>network.replace</c>) on what (<see cref="Target"/>). Never a customer data value:
/// a read of customer data names the case, not what was read.</summary>
/// <param name="Id">Where the entry is in the log (<see cref="AuditPosition"/>); given by the page that keeps it.</param>
/// <param name="Incidents">For a list read: the cases whose customer data the answer showed.</param>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string KeyId,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? IncidentId = null,
    [property: Id(6)] string? Detail = null,
    [property: Id(7)] ImmutableArray<string> Incidents = default)
{
    /// <summary>Whether the entry concerns the case: as its subject or among the cases a list showed.</summary>
    public bool Concerns(string incidentId) =>
        IncidentId == incidentId || (!Incidents.IsDefault && Incidents.Contains(incidentId));
}
