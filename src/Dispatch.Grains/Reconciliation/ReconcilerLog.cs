using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Reconciliation;

/// <summary>The reconciler's log messages: case, center and unit ids only, never a customer's data.</summary>
internal static partial class ReconcilerLog
{
    [LoggerMessage(1501, LogLevel.Warning, "Reconciler repaired {Kind}: case {IncidentId}, unit {ResourceId} at center {CenterId}")]
    public static partial void Repaired(this ILogger logger, string kind, string incidentId, string resourceId, string centerId);

    [LoggerMessage(1502, LogLevel.Error,
        "Reconciler cannot repair case {IncidentId}: it records unit {ResourceId} at center {CenterId}, which the center does not hold and which is no longer free; an agent must reassign the case")]
    public static partial void Unresolved(this ILogger logger, string incidentId, string resourceId, string centerId);

    [LoggerMessage(1503, LogLevel.Warning, "Reconciler pass failed; the next one tries again")]
    public static partial void PassFailed(this ILogger logger, Exception error);
}
