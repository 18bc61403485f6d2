namespace Dispatch.Grains.Incidents;

/// <summary>
/// Which service-standard deadlines a case has passed, and which it still faces. All deadlines count from the
/// call (<c>reportedAt</c>), so they are the same whichever silo looks and however late it looks; an event fires
/// when a case is seen past its deadline still short of the step the deadline asks for (docs/escalation.md).
/// </summary>
public static class CaseSla
{
    public const string Escalated = "escalated";
    public const string Overdue = "overdue";

    /// <summary>The highest escalation level.</summary>
    public const int MaxLevel = 2;

    /// <summary>When a case not yet dispatched reaches <paramref name="level"/> (1 or 2).</summary>
    public static DateTimeOffset EscalationDue(DateTimeOffset reportedAt, int level, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        var due = reportedAt + options.DispatchWithin;
        return level == 1 ? due : due + options.EscalateAgainAfter;
    }

    /// <summary>When a case not yet closed becomes overdue.</summary>
    public static DateTimeOffset OverdueAt(DateTimeOffset reportedAt, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return reportedAt + options.CloseWithin;
    }

    /// <summary>The timeline entries the case has fallen due for at <paramref name="now"/>, in order.</summary>
    public static IReadOnlyList<TimelineEntry> Due(IncidentCaseState s, SlaOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var due = new List<TimelineEntry>();
        if (s.Incident is not { } incident)
        {
            return due;
        }

        if (s.StatusKind == CaseStatusKind.Open)
        {
            for (var level = s.EscalationLevel + 1; level <= MaxLevel && now >= EscalationDue(incident.ReportedAt, level, options); level++)
            {
                due.Add(new TimelineEntry(Escalated, now, By: Auditing.Caller.System, Level: level));
            }
        }

        if (!s.Overdue && IsOpenToOverdue(s) && now >= OverdueAt(incident.ReportedAt, options))
        {
            due.Add(new TimelineEntry(Overdue, now, By: Auditing.Caller.System));
        }

        return due;
    }

    /// <summary>Records what fell due: the entries and the flags that keep each from firing twice.</summary>
    public static IReadOnlyList<TimelineEntry> Apply(IncidentCaseState s, SlaOptions options, DateTimeOffset now)
    {
        var due = Due(s, options, now);
        foreach (var entry in due)
        {
            s.Timeline.Add(entry);
            if (entry.Level is { } level)
            {
                s.EscalationLevel = Math.Max(s.EscalationLevel, level);
            }
            else
            {
                s.Overdue = true;
            }
        }

        return due;
    }

    /// <summary>The next deadline the case faces, or null when none is left (closed, or past all of them).</summary>
    public static DateTimeOffset? Next(IncidentCaseState s, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Incident is not { } incident)
        {
            return null;
        }

        DateTimeOffset? next = null;
        if (s.StatusKind == CaseStatusKind.Open && s.EscalationLevel < MaxLevel)
        {
            next = EscalationDue(incident.ReportedAt, s.EscalationLevel + 1, options);
        }

        if (!s.Overdue && IsOpenToOverdue(s))
        {
            var overdue = OverdueAt(incident.ReportedAt, options);
            next = next is { } n && n <= overdue ? n : overdue;
        }

        return next;
    }

    // A status no version of the silo wrote (null) is left alone rather than guessed at.
    private static bool IsOpenToOverdue(IncidentCaseState s) => s.StatusKind is { } kind && !kind.IsTerminal();
}
