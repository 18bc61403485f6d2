using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Dispatching;

/// <summary>The dispatcher's log messages: counts and versions only, never an incident's customer data.</summary>
internal static partial class DispatcherLog
{
    [LoggerMessage(101, LogLevel.Information,
        "Dispatcher {Network} rebuilt its index: version {Version}, {Resources} units, {Reservations} open reservations")]
    public static partial void IndexRebuilt(this ILogger logger, string network, long version, int resources, int reservations);

    [LoggerMessage(102, LogLevel.Information, "Network {Network} replaced: version {Version}, {Resources} units")]
    public static partial void NetworkReplaced(this ILogger logger, string network, long version, int resources);

    [LoggerMessage(103, LogLevel.Warning, "Dispatcher {Network} lost touch with center {Center}; its state is read again before the next decision")]
    public static partial void CenterUnsettled(this ILogger logger, string network, string center);

    [LoggerMessage(104, LogLevel.Information, "Dispatcher {Network}: a case waits for a unit; {Waiting} cases waiting")]
    public static partial void CaseQueued(this ILogger logger, string network, int waiting);

    [LoggerMessage(105, LogLevel.Information, "Dispatcher {Network} dispatched {Served} waiting cases; {Waiting} still waiting")]
    public static partial void QueueServed(this ILogger logger, string network, int served, int waiting);

    [LoggerMessage(106, LogLevel.Warning, "Dispatcher {Network}: a reassignment could not put back the unit it released; the center is read again")]
    public static partial void ReassignRestoreFailed(this ILogger logger, string network);
    [LoggerMessage(107, LogLevel.Warning, "Dispatcher {Network}: {Count} centers lack network version {Version}; no decision is made until they have it")]
    public static partial void CentersNotConfigured(this ILogger logger, Exception error, string network, long version, int count);

    [LoggerMessage(108, LogLevel.Warning, "Dispatcher {Network}: the queue could not be written after {Served} holds; tried again by the timer")]
    public static partial void QueueWriteFailed(this ILogger logger, Exception error, string network, int served);
}
