using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Opening a case, and reading one back when the run's view of it may be stale.</summary>
internal static class IncidentReads
{
    /// <summary>Creates a case with its own id (so that a retry is idempotent) and notes it in the ledger: the tracked
    /// case (checked out to the caller) with the answer when one was created, else null (with a case that may exist
    /// noted when no answer came).</summary>
    public static async Task<(ApiResponse Answer, TrackedIncident Incident)?> CreateAsync(
        OperationCall arrival, RunLedger ledger, RequestKind kind, string id, byte[] body)
    {
        var created = await arrival.SendAsync(kind, (api, ct) => api.CreateIncidentAsync(body, ct)).ConfigureAwait(false);
        if (created is null)
        {
            ledger.NoteMaybeCreated(id);
            return null;
        }

        // 200 is a repeat of an earlier create with the same id; anything else created nothing.
        return created.Status is 201 or 200 ? (created, ledger.NoteCreated(id)) : null;
    }

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
