namespace Dispatch.Silo.Problems;

internal static partial class UnavailableLog
{
    [LoggerMessage(1401, LogLevel.Warning, "Answered {Method} {Path} with 503: the service is unavailable ({ExceptionType})")]
    public static partial void ServiceUnavailable(this ILogger logger, string method, string path, string exceptionType);
}
