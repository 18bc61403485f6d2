using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Reading a case back when the run's view of it may be stale.</summary>
internal static class IncidentReads
{
    public static async Task<IncidentCase?> ReadAsync(OperationCall arrival, string id)
    {
        var answer = await arrival.SendAsync(RequestKind.ReadIncident, (api, ct) => api.GetIncidentAsync(id, ct)).ConfigureAwait(false);
        return answer is { IsSuccess: true } ? CaseReader.ReadCase(answer.Body, id) : null;
    }

    /// <summary>After a refused transition (409), adopts the server's state so the run does not keep asking for it.</summary>
    public static async Task ResyncAsync(OperationCall arrival, RunLedger ledger, TrackedIncident incident, Lifecycle state, Assignment? assignment)
    {
        var current = await ReadAsync(arrival, incident.Id).ConfigureAwait(false);
        if (current?.State is { } observed && LifecycleRules.CanHaveReached(state, observed))
        {
            ledger.Release(incident, observed, current.Assignment ?? assignment);
        }
        else
        {
            // Unreadable, or moved backwards: leave the acknowledged state for the audit to judge.
            ledger.Release(incident, state, assignment, uncertain: current is null);
        }
    }
}
