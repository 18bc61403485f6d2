using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Dispatching;

/// <summary>An incident of a batch as the agent sent it, and as the solver sees it.</summary>
public sealed record BatchCaseRequest(IncidentRequest Request, Incident Incident);

/// <summary>
/// A committed batch end to end: opens (or finds) each incident's case, solves and reserves (<see cref="BatchRun"/>), and
/// records every reservation on its case, so that each committed incident becomes a dispatched case.
/// </summary>
/// <remarks>
/// This runs outside the dispatcher grain on purpose: an incident grain may be waiting on the dispatcher (a single
/// dispatch), and the dispatcher waiting on that incident grain in turn would block both until the call times out.
/// </remarks>
public sealed class BatchCases(IGrainFactory grains)
{
    /// <summary>An incident whose id names a case opened with a different request.</summary>
    public const string IdConflict = "id_conflict";

    /// <summary>An incident whose case is closed (completed or cancelled).</summary>
    public const string CaseClosed = "case_closed";

    /// <summary>The case moved on (was cancelled) between reservation and record; the reservation was released.</summary>
    public const string CaseChanged = "case_changed";

    private IDispatcherGrain Dispatcher => grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    public async Task<BatchDecision> RunAsync(IReadOnlyList<BatchCaseRequest> incidents, bool commit, int? timeLimitMs)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var all = incidents.Select(i => new BatchIncident(i.Request.Id!, i.Incident)).ToImmutableArray();
        if (!commit)
        {
            return await new BatchRun(Dispatcher).RunAsync(all, false, timeLimitMs);
        }

        var cases = await Task.WhenAll(incidents.Select(i => grains.GetGrain<IIncidentGrain>(i.Request.Id!).CreateAsync(i.Request, i.Incident, false)));
        var left = new List<LiveBatchUnassignedIncident>();
        var open = new List<BatchIncident>();
        for (var i = 0; i < all.Length; i++)
        {
            var reason = cases[i] switch
            {
                { Outcome: CaseOutcome.Conflict } => IdConflict,
                { Case.StatusKind: CaseStatusKind.Open } => null,
                { Case.StatusKind: CaseStatusKind.Completed or CaseStatusKind.Cancelled } => CaseClosed,
                _ => BatchGrainReasons.AlreadyDispatched,
            };
            if (reason is null)
            {
                open.Add(all[i]);
            }
            else
            {
                left.Add(new LiveBatchUnassignedIncident(all[i].Id, reason, 0));
            }
        }

        var decision = await new BatchRun(Dispatcher).RunAsync([.. open], true, timeLimitMs);
        if (decision.Result is not { } result)
        {
            return decision;
        }

        var recorded = await Task.WhenAll(decision.Reservations.Select(r => RecordAsync(r)));
        var kept = decision.Reservations.Where((_, i) => recorded[i]).ToImmutableArray();
        var keptIds = kept.Select(r => r.IncidentId).ToHashSet(StringComparer.Ordinal);
        var dropped = decision.Reservations.Where((_, i) => !recorded[i])
            .Select(r => new LiveBatchUnassignedIncident(r.IncidentId, CaseChanged, 0));
        var position = all.Select((incident, i) => (incident.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return decision with
        {
            Result = result with
            {
                Assignments = [.. result.Assignments.Where(a => keptIds.Contains(a.IncidentId))],
                Unassigned = [.. result.Unassigned.Concat(left).Concat(dropped).OrderBy(u => position[u.IncidentId])],
            },
            Reservations = kept,
        };
    }

    // A case that can no longer take the assignment gives its unit and part back.
    private async Task<bool> RecordAsync(Reservation reservation)
    {
        var recorded = await grains.GetGrain<IIncidentGrain>(reservation.IncidentId).RecordDispatchAsync(reservation);
        if (recorded.Outcome == CaseOutcome.Ok)
        {
            return true;
        }

        await Dispatcher.ReleaseAsync(reservation.IncidentId, RecordedAssignment.Of(reservation));
        return false;
    }
}
