using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Privacy;

internal static partial class RetentionLog
{
    [LoggerMessage(1603, LogLevel.Warning, "Retention could not erase the customer data of case {IncidentId}; the next sweep tries again")]
    public static partial void ErasureFailed(this ILogger logger, Exception error, string incidentId);
}
