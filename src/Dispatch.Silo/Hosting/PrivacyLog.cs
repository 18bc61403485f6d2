namespace Dispatch.Silo.Hosting;

/// <summary>What the retention sweep says. Counts only: never a case's customer data.</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(1601, LogLevel.Information, "Retention: erased the customer data of {Count} case(s) closed before {Cutoff:o}")]
    public static partial void RetentionErased(this ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(1602, LogLevel.Warning, "Retention sweep failed; the next one tries again")]
    public static partial void RetentionFailed(this ILogger logger, Exception exception);
}
