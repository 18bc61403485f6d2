using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;

namespace Dispatch.Grains.Incidents;

/// <summary>The case's side of the waiting queue (docs/waiting-and-reassign.md): it says that it waits, and records
/// the hold the dispatcher's queue made for it.</summary>
public sealed partial class IncidentGrain
{
    public async Task RecordQueuedDispatchAsync(Reservation reservation)
    {
        var s = state.State;
        if (!s.Exists || s.StatusKind.IsTerminal())
        {
            // Closed meanwhile (or never stored): the unit and part go back; that also settles the queue's record.
            await Dispatcher.ReleaseAsync(Id, RecordedAssignment.Of(reservation));
            return;
        }

        // A case that holds a unit already recorded this hold (a message sent again) or a later one (a reassignment).
        if (s.Assignment is null && s.StatusKind == CaseStatusKind.Open)
        {
            await UpdateAsync(c =>
            {
                Assign(c, reservation, QueueTimeline.FromQueue);
                Notify(c, Notifications.NotificationKinds.Dispatched);
            });
        }

        await Dispatcher.QueueDispatchRecordedAsync(Id);
    }

    /// <summary>An autoDispatch retry of a case that is still open: dispatched, or waiting (said once on the timeline).</summary>
    private async Task<CaseResult> AutoDispatchAgainAsync()
    {
        var decision = await Dispatcher.DispatchOrQueueAsync(Id, state.State.Incident!);
        if (decision is { Status: DispatchStatus.Dispatched, Reservation: { } reservation })
        {
            await RecordAsync(reservation);
        }
        else if (decision.Queued && !state.State.Waiting)
        {
            var at = time.GetUtcNow();
            await UpdateAsync(s => Wait(s, decision, at));
        }

        return Answer(decision);
    }

    private static void Wait(IncidentCaseState s, DispatchDecision decision, DateTimeOffset at)
    {
        if (s.Waiting)
        {
            return;
        }

        s.Waiting = true;
        s.Timeline.Add(new TimelineEntry(QueueTimeline.Waiting, at, Detail: WaitingReason.Of(decision.Recommendation)));
    }
}
