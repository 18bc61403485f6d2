using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Dispatching;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Dispatching;

/// <summary>
/// The waiting queue (docs/waiting-and-reassign.md): cases opened with autoDispatch that no unit could take wait here,
/// in <see cref="QueueOrder"/>, and are served by the reservation sequence of a single dispatch whenever a write
/// frees something (a unit back, a part added, the network replaced). The queue is the dispatcher's own persisted
/// state, so the decision and the hold are made in one place; each case then records its hold on its own.
/// </summary>
/// <remarks>
/// The dispatcher never waits on a case grain (a case may be waiting on the dispatcher, which would block both):
/// it tells a case of its hold by a one-way message and keeps the hold in <see cref="DispatchQueueState.ToRecord"/>
/// until the case says it recorded it, sending it again on a timer and after a restart.
/// </remarks>
public sealed partial class DispatcherGrain
{
    // How often holds that no case has confirmed yet are sent again, and an interrupted queue is tried again.
    private static readonly TimeSpan QueueRetryPeriod = TimeSpan.FromSeconds(5);

    private IGrainTimer? queueTimer;

    /// <summary>A try of the queue stopped on a failed center call: tried again by the timer.</summary>
    private bool queueInterrupted;

    /// <summary>A center's word dropped a hold the index had (its unit may be free): the queue is tried once the
    /// write that read it is done (<see cref="PublishingAsync"/>), whichever write or timer tick that was.</summary>
    private bool holdDroppedOnResync;

    public Task<DispatchDecision> DispatchOrQueueAsync(string incidentId, Incident incident) =>
        PublishingAsync(async () =>
        {
            var decision = await DispatchCoreAsync(incidentId, incident, null, null);
            if (decision.Status != DispatchStatus.Unassignable)
            {
                return decision;
            }

            await EnqueueAsync(new QueuedCase(incidentId, incident, WaitingReason.Of(decision.Recommendation), time.GetUtcNow()));
            return decision with { Queued = true };
        });

    public Task<ImmutableArray<QueuedCase>> GetQueueAsync() => ExclusiveAsync(() => Task.FromResult(queue.State.Waiting.ToImmutableArray()));

    public Task QueueDispatchRecordedAsync(string incidentId) => ExclusiveAsync(async () =>
    {
        if (queue.State.ToRecord.Exists(r => r.IncidentId == incidentId))
        {
            await queue.UpdateAsync(s => s.Clone(), s => s.ToRecord.RemoveAll(r => r.IncidentId == incidentId), GrainContext);
        }

        return true;
    });

    private async Task EnqueueAsync(QueuedCase waiting)
    {
        if (queue.State.Waiting.Exists(q => q.IncidentId == waiting.IncidentId))
        {
            return;
        }

        await queue.UpdateAsync(s => s.Clone(), s =>
        {
            var at = s.Waiting.BinarySearch(waiting, QueueOrder.Instance);
            s.Waiting.Insert(at < 0 ? ~at : at, waiting);
        }, GrainContext);
        logger.CaseQueued(NetworkKey, queue.State.Waiting.Count);
    }

    /// <summary>Takes the incident out of the queue and out of the holds to record: it was dispatched another way, or
    /// its hold ended. Writes only when it was there, so the hot path pays a lookup.</summary>
    private Task LeaveQueueAsync(string incidentId) => LeaveQueueAsync([incidentId]);

    private async Task LeaveQueueAsync(IReadOnlyCollection<string> incidentIds)
    {
        var s = queue.State;
        if (incidentIds.Count == 0 || (s.Waiting.Count == 0 && s.ToRecord.Count == 0))
        {
            return;
        }

        var ids = incidentIds.ToHashSet(StringComparer.Ordinal);
        if (!s.Waiting.Exists(q => ids.Contains(q.IncidentId)) && !s.ToRecord.Exists(r => ids.Contains(r.IncidentId)))
        {
            return;
        }

        await queue.UpdateAsync(c => c.Clone(), c =>
        {
            c.Waiting.RemoveAll(q => ids.Contains(q.IncidentId));
            c.ToRecord.RemoveAll(r => ids.Contains(r.IncidentId));
        }, GrainContext);
    }

    /// <summary>
    /// Something freed up: tries each waiting case in queue order, each evaluated as if reported now (so that rule
    /// windows are those of now), and holds the best option by the one reservation sequence. One recommendation per
    /// waiting case, and nothing at all when the queue is empty.
    /// </summary>
    private async Task ServeQueueAsync()
    {
        holdDroppedOnResync = false;
        if (queue.State.Waiting.Count == 0 || engine is null)
        {
            return;
        }

        queueInterrupted = false;
        var now = time.GetUtcNow();
        var served = new List<Reservation>();
        foreach (var waiting in queue.State.Waiting.ToList())
        {
            // Held meanwhile (a lost answer adopted on a rebuild): that hold is its dispatch.
            if (reservations.TryGetValue(waiting.IncidentId, out var held))
            {
                served.Add(held);
                continue;
            }

            // Dispatched by hand right now, its center storing the hold: that dispatch takes it out of the queue.
            if (inFlight.ContainsKey(waiting.IncidentId))
            {
                continue;
            }

            var best = engine.Recommend(waiting.Incident with { ReportedAt = now }, RecommendationQuery.Default);
            if (best.Recommendation is not { } option)
            {
                continue;
            }

            ReservationOutcome outcome;
            try
            {
                outcome = await ReserveAsync(waiting.IncidentId, option);
            }
            catch (Exception)
            {
                // The center's state is unknown (the sequence has marked it for a fresh read): the timer tries again.
                queueInterrupted = true;
                break;
            }

            // A refusal took the center's word: the next waiting case is ranked on it.
            if (outcome.Reservation is { } reservation)
            {
                served.Add(reservation);
            }
        }

        if (served.Count > 0)
        {
            var ids = served.Select(r => r.IncidentId).ToHashSet(StringComparer.Ordinal);
            try
            {
                await queue.UpdateAsync(s => s.Clone(), s =>
                {
                    s.Waiting.RemoveAll(q => ids.Contains(q.IncidentId));
                    s.ToRecord.RemoveAll(r => ids.Contains(r.IncidentId));
                    s.ToRecord.AddRange(served);
                }, GrainContext);
                logger.QueueServed(NetworkKey, served.Count, queue.State.Waiting.Count);
            }
            catch (Exception error)
            {
                // The holds stand at the centers, and the write that freed the unit committed: its caller must not
                // hear of a failure. The cases still wait in the stored queue, so the timer's next try (or the next
                // activation's resume, since a failed write deactivates the grain) finds them held and writes them again.
                logger.QueueWriteFailed(error, NetworkKey, served.Count);
                queueInterrupted = true;
            }

            TellCases(served);
        }

        EnsureQueueTimer();
    }

    /// <summary>Tells each case of the hold the queue made for it; one-way, so this turn never waits on a case.</summary>
    private void TellCases(IEnumerable<Reservation> holds)
    {
        // The queue moved because someone freed a unit, but the dispatch is the silo's own doing, not theirs.
        using var system = Auditing.Caller.AsSystem();
        foreach (var hold in holds)
        {
            GrainFactory.GetGrain<IIncidentGrain>(hold.IncidentId).RecordQueuedDispatchAsync(hold).Ignore();
        }
    }

    /// <summary>After the index is rebuilt: a waiting case the centers already hold a unit for was served before the
    /// queue was written (a crash between); holds to record that ended meanwhile are dropped; the rest are sent again,
    /// and the queue is tried, since a unit may have freed in the turn that the host stopped in.</summary>
    private async Task ResumeQueueAsync()
    {
        var s = queue.State;
        if (s.Waiting.Count == 0 && s.ToRecord.Count == 0)
        {
            return;
        }

        var heldWaiting = s.Waiting.Where(q => reservations.ContainsKey(q.IncidentId)).Select(q => reservations[q.IncidentId]).ToList();
        var ended = s.ToRecord.Where(HoldEnded).ToList();
        if (heldWaiting.Count > 0 || ended.Count > 0)
        {
            var moved = heldWaiting.Select(r => r.IncidentId).ToHashSet(StringComparer.Ordinal);
            await queue.UpdateAsync(c => c.Clone(), c =>
            {
                c.Waiting.RemoveAll(q => moved.Contains(q.IncidentId));
                c.ToRecord.RemoveAll(ended.Contains);
                c.ToRecord.AddRange(heldWaiting);
            }, GrainContext);
        }

        TellCases(queue.State.ToRecord);
        await ServeQueueAsync();
        EnsureQueueTimer();
    }

    // A hold to record that the centers no longer hold (ended or replaced since): sending it would have an open case
    // record a unit that is not its own.
    private bool HoldEnded(Reservation toRecord) =>
        reservations.GetValueOrDefault(toRecord.IncidentId) is not { } now || now.ResourceId != toRecord.ResourceId;

    /// <summary>Drops the holds to record that ended, so that only standing ones are sent.</summary>
    private async Task DropEndedToRecordAsync()
    {
        var ended = queue.State.ToRecord.Where(HoldEnded).ToList();
        if (ended.Count > 0)
        {
            await queue.UpdateAsync(c => c.Clone(), c => c.ToRecord.RemoveAll(ended.Contains), GrainContext);
        }
    }

    // Runs while there are holds to confirm or an interrupted try; stops itself once neither is left.
    private void EnsureQueueTimer()
    {
        if (queue.State.ToRecord.Count == 0 && !queueInterrupted)
        {
            queueTimer?.Dispose();
            queueTimer = null;
            return;
        }

        queueTimer ??= this.RegisterGrainTimer(_ => PublishingAsync(async () =>
        {
            await SettleAsync();
            await DropEndedToRecordAsync();
            TellCases(queue.State.ToRecord);
            if (queueInterrupted)
            {
                await ServeQueueAsync();
            }

            EnsureQueueTimer();
            return true;
        }), QueueRetryPeriod, QueueRetryPeriod);
    }
}
