using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Scenarios;

/// <summary>The what-if runs' log messages: the run's id and status, never the replayed calls' contents.</summary>
internal static partial class ScenarioLog
{
    [LoggerMessage(201, LogLevel.Information, "Scenario {Id} was interrupted while running; running it again from the start")]
    public static partial void RunInterrupted(this ILogger logger, string id);

    [LoggerMessage(202, LogLevel.Error, "Scenario {Id} could not be queued")]
    public static partial void QueueFailed(this ILogger logger, Exception exception, string id);

    [LoggerMessage(203, LogLevel.Error, "Scenario {Id} failed")]
    public static partial void RunFailed(this ILogger logger, Exception exception, string id);

    [LoggerMessage(204, LogLevel.Error, "Scenario {Id} could not record its end")]
    public static partial void EndNotRecorded(this ILogger logger, Exception exception, string id);

    [LoggerMessage(205, LogLevel.Warning, "Scenario {Id} could not tell the registry it is {Status}")]
    public static partial void RegistryNotTold(this ILogger logger, Exception exception, string id, string status);

    [LoggerMessage(206, LogLevel.Warning, "Scenario {Id} could not be started")]
    public static partial void StartFailed(this ILogger logger, Exception exception, string id);
}
