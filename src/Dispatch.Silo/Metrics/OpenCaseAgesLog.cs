namespace Dispatch.Silo.Metrics;

internal static partial class OpenCaseAgesLog
{
    [LoggerMessage(1210, LogLevel.Debug, "Open cases not sampled this time; the gauge keeps its last sample")]
    public static partial void OpenCasesUnsampled(this ILogger logger, Exception exception);
}
