using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Notifications;

/// <summary>Delivery's log messages: message ids, kinds, webhook hosts and errors; never what a message says.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(1301, LogLevel.Warning, "Notification {MessageId} ({Kind}) attempt {Attempt} failed: {Error}; next attempt in {DelaySeconds:0.#} s")]
    public static partial void AttemptFailed(this ILogger logger, string messageId, string kind, int attempt, string error, double delaySeconds);

    [LoggerMessage(1302, LogLevel.Error, "Notification {MessageId} ({Kind}) given up after {Attempts} attempts: {Error}")]
    public static partial void GaveUp(this ILogger logger, string messageId, string kind, int attempts, string error);

    [LoggerMessage(1303, LogLevel.Warning, "No reminder for notification delivery could be registered; pending messages are retried while the silo runs and when their case is next read")]
    public static partial void ReminderUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(1304, LogLevel.Warning, "A notification delivery round failed; retried in {DelaySeconds:0.#} s")]
    public static partial void RoundFailed(this ILogger logger, Exception exception, double delaySeconds);

    [LoggerMessage(1305, LogLevel.Debug, "Notification {MessageId} ({Kind}) delivered to {Host} on attempt {Attempt}")]
    public static partial void Delivered(this ILogger logger, string messageId, string kind, string host, int attempt);
}
