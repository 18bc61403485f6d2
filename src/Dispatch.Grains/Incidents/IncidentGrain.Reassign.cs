using Dispatch.Grains.Dispatching;

namespace Dispatch.Grains.Incidents;

/// <summary>Reassignment (docs/waiting-and-reassign.md "Reassign"): the unit was turned back, broke down or cannot
/// finish; another one takes over, and the timeline keeps both.</summary>
public sealed partial class IncidentGrain
{
    /// <summary>A unit on the way or at the scene may be replaced; a towing unit has the vehicle on board, and an
    /// open case has no unit to release (it is dispatched instead).</summary>
    public static bool IsReassignable(CaseStatusKind? status) =>
        status is CaseStatusKind.Dispatched or CaseStatusKind.Enroute or CaseStatusKind.OnScene;

    public async Task<CaseResult> ReassignAsync(string? resourceId, string? mode, string reason)
    {
        var s = state.State;
        if (!s.Exists)
        {
            return new CaseResult(CaseOutcome.NotFound, null, $"incident '{Id}' does not exist");
        }

        if (!IsReassignable(s.StatusKind) || s.Assignment is not { } current)
        {
            return new CaseResult(CaseOutcome.Conflict, View(), $"incident '{Id}' is {s.Status}: only a dispatched, enroute or onscene case can be reassigned");
        }

        if (IsRepeatOfLastReassign(resourceId, mode, reason))
        {
            return new CaseResult(CaseOutcome.Ok, View(), null);
        }

        var recorded = new RecordedAssignment(current.CenterId, current.ResourceId, current.Part);
        var decision = await Dispatcher.ReassignAsync(Id, s.Incident!, resourceId, mode, recorded);
        if (decision is not { Status: DispatchStatus.Dispatched, Reservation: { } reservation })
        {
            return Answer(decision);
        }

        var at = time.GetUtcNow();
        await UpdateAsync(c =>
        {
            c.Timeline.Add(new TimelineEntry(QueueTimeline.Reassigned, at, null, current.ResourceId, reason));
            Assign(c, reservation);
            Notify(c, Notifications.NotificationKinds.Reassigned);
        });
        return new CaseResult(CaseOutcome.Ok, View(), null);
    }

    // A retry of a reassignment that named its unit and went through: the case already holds that unit for that reason.
    private bool IsRepeatOfLastReassign(string? resourceId, string? mode, string reason)
    {
        var timeline = state.State.Timeline;
        return resourceId is not null && timeline.Count >= 2
            && timeline[^1] is { Type: CaseStatus.Dispatched } dispatched && dispatched.ResourceId == resourceId
            && (mode is null || state.State.Assignment?.Mode == mode)
            && timeline[^2] is { Type: QueueTimeline.Reassigned } reassigned && reassigned.Detail == reason;
    }
}
