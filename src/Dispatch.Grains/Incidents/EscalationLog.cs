using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Incidents;

/// <summary>Escalation's log messages: the incident id and levels only, never what the customer said.</summary>
internal static partial class EscalationLog
{
    [LoggerMessage(1201, LogLevel.Warning, "Incident {Incident} escalated to level {Level}: not dispatched within the standard")]
    public static partial void Escalated(this ILogger logger, string incident, int level);

    [LoggerMessage(1202, LogLevel.Warning, "Incident {Incident} is overdue: not closed within the standard")]
    public static partial void Overdue(this ILogger logger, string incident);

    [LoggerMessage(1203, LogLevel.Warning, "Incident {Incident}: its reminder could not be changed; the next activation tries again")]
    public static partial void ReminderFailed(this ILogger logger, string incident, Exception exception);
}
