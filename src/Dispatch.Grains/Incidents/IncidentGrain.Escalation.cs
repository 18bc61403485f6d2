using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Incidents;

/// <summary>
/// Escalation against the service standard (docs/escalation.md). While the case is active a grain timer fires at
/// the exact deadline; a reminder (durable, but of minute granularity) wakes the case when it is not. Each write
/// of the case first records what fell due before it (<see cref="CaseSla.Apply"/>), so an escalation can neither
/// be lost to a late reminder nor land after the step that would have prevented it; and what the changed case is
/// due for at once after it, so that a case opened past its deadline says so in the answer that opens it.
/// </summary>
public sealed partial class IncidentGrain : IRemindable
{
    /// <summary>The reminder of the service standard. Reminders are per grain and name: another concern of the case
    /// takes a name of its own and <see cref="ReceiveReminder"/> passes it on.</summary>
    public const string SlaReminderName = "sla";

    // Reminders cannot fire sooner or more often than this (Orleans' minimum period); the timer covers what is finer.
    private static readonly TimeSpan ReminderGranularity = TimeSpan.FromMinutes(1);

    private SlaOptions? slaOptions;
    private CaseMetrics? caseMetrics;
    private ILogger? escalationLogger;

    private IGrainTimer? slaTimer;
    private DateTimeOffset? slaTimerAt;

    /// <summary>The deadline this activation registered the reminder for; null when it has not (or removed it).</summary>
    private DateTimeOffset? slaReminderFor;

    /// <summary>Whether this activation knows no reminder is registered (so a closed case has nothing to remove).</summary>
    private bool slaReminderAbsent;

    /// <summary>After the reminder table failed: not before then again.</summary>
    private DateTimeOffset slaReminderRetryAt;

    /// <summary>Set while <see cref="CheckSlaAsync"/> runs, which arms the timer itself at its end.</summary>
    private bool slaChecking;

    // Resolved here rather than in the constructor, so that escalation stays in this file.
    private SlaOptions Sla => slaOptions ??= ServiceProvider.GetRequiredService<IOptions<SlaOptions>>().Value;

    private CaseMetrics Metrics => caseMetrics ??= ServiceProvider.GetRequiredService<CaseMetrics>();

    private ILogger EscalationLogger => escalationLogger ??= ServiceProvider.GetRequiredService<ILogger<IncidentGrain>>();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SlaReminderName)
        {
            // It fired, so it exists, whatever this activation assumed.
            slaReminderAbsent = false;
            await CheckSlaAsync();
        }
    }

    /// <summary>On activation: a closed case needs nothing (a reminder left behind removes itself when it fires);
    /// an open one checks at once what fell due while it was not active, and makes sure of its reminder.</summary>
    private void ActivateSla()
    {
        slaReminderAbsent = !state.State.Exists || state.State.StatusKind.IsTerminal();
        ArmSla();
    }

    /// <summary>Records the SLA events <paramref name="s"/> is due for (called inside each write, before and after the change).</summary>
    private void ApplyDueSla(IncidentCaseState s, DateTimeOffset now) => CaseSla.Apply(s, Sla, now);

    /// <summary>After a write: count what happened and arm the timer for what comes next.</summary>
    private void AfterSlaWrite(IncidentCaseState before)
    {
        var after = state.State;
        for (var level = before.EscalationLevel + 1; level <= after.EscalationLevel; level++)
        {
            Metrics.RecordEscalation(level);
            EscalationLogger.Escalated(Id, level);
        }

        if (!before.Overdue && after.Overdue)
        {
            EscalationLogger.Overdue(Id);
        }

        if (before.Assignment is null && after.Assignment is { } assignment && after.Incident is { } incident)
        {
            Metrics.RecordTimeToDispatch((assignment.DispatchedAt - incident.ReportedAt).TotalSeconds);
        }

        ArmSla();
    }

    /// <summary>Arms the timer for the next thing to do: the next deadline, or at once when the reminder has to
    /// follow the deadline or go.</summary>
    private void ArmSla()
    {
        if (slaChecking)
        {
            return;
        }

        var next = state.State.Exists ? CaseSla.Next(state.State, Sla) : null;
        var reminderChange = next is { } deadline ? slaReminderFor != deadline : !slaReminderAbsent;
        var now = time.GetUtcNow();
        DateTimeOffset? at = reminderChange ? (slaReminderRetryAt > now ? Earliest(slaReminderRetryAt, next) : now) : next;
        if (at is null)
        {
            StopSlaTimer();
            return;
        }

        if (slaTimer is not null && slaTimerAt == at)
        {
            return;
        }

        StopSlaTimer();
        var dueTime = at.Value > now ? at.Value - now : TimeSpan.Zero;
        slaTimerAt = at;
        slaTimer = this.RegisterGrainTimer(_ => CheckSlaAsync(), (object?)null, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    private void StopSlaTimer()
    {
        slaTimer?.Dispose();
        slaTimer = null;
        slaTimerAt = null;
    }

    /// <summary>Records what fell due, then moves the reminder to the next deadline (or removes it).</summary>
    private async Task CheckSlaAsync()
    {
        StopSlaTimer();
        slaChecking = true;
        try
        {
            if (state.State.Exists && CaseSla.Due(state.State, Sla, time.GetUtcNow()).Count > 0)
            {
                // The write records them (UpdateAsync).
                await UpdateAsync(_ => { });
            }

            await SettleSlaReminderAsync(state.State.Exists ? CaseSla.Next(state.State, Sla) : null);
        }
        finally
        {
            slaChecking = false;
        }

        ArmSla();
    }

    private async Task SettleSlaReminderAsync(DateTimeOffset? next)
    {
        try
        {
            if (next is { } deadline)
            {
                if (slaReminderFor != deadline)
                {
                    var wait = deadline - time.GetUtcNow();
                    await this.RegisterOrUpdateReminder(SlaReminderName, wait > ReminderGranularity ? wait : ReminderGranularity, ReminderGranularity);
                    slaReminderFor = deadline;
                    slaReminderAbsent = false;
                }

                return;
            }

            if (!slaReminderAbsent)
            {
                if (await this.GetReminder(SlaReminderName) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                slaReminderFor = null;
                slaReminderAbsent = true;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The case's own state is written; the timer still fires while it is active, and the next activation
            // tries the reminder again, as does this one a minute later. Failing the caller's request for it would not undo anything.
            EscalationLogger.ReminderFailed(Id, e);
            slaReminderFor = null;
            slaReminderAbsent = false;
            slaReminderRetryAt = time.GetUtcNow() + ReminderGranularity;
        }
    }
}
