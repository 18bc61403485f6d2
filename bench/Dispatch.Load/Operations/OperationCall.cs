using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Operations;

/// <summary>One arrival's execution: its randomness and the API, with every answer counted as it comes.</summary>
public sealed class OperationCall(DispatchApiClient api, PhaseMetrics metrics, OperationKind kind, Random random, long index, CancellationToken cancellationToken)
{
    public Random Random { get; } = random;

    /// <summary>The arrival's index in the schedule, unique within a run (used to name incidents).</summary>
    public long Index { get; } = index;

    public OperationKind Kind { get; } = kind;

    /// <summary>Sends one call; null when no answer came (refused, reset, timed out), which is counted as a transport error.</summary>
    public async Task<ApiResponse?> SendAsync(RequestKind request, Func<DispatchApiClient, CancellationToken, Task<ApiResponse>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var requestStats = metrics.Request(request);
        try
        {
            var response = await send(api, cancellationToken).ConfigureAwait(false);
            requestStats.ServiceTime.Record(response.Elapsed);
            requestStats.Statuses.Add(response.Status);
            metrics.Operation(Kind).Statuses.Add(response.Status);
            return response;
        }
        catch (Exception error) when (IsTransport(error))
        {
            requestStats.Statuses.Add(StatusCounts.TransportError);
            metrics.Operation(Kind).Statuses.Add(StatusCounts.TransportError);
            metrics.NoteTransportError($"{request.Name()}: {error.GetType().Name}: {error.Message}");
            return null;
        }
    }

    private bool IsTransport(Exception error) => error switch
    {
        HttpRequestException => true,
        IOException => true,
        // HttpClient's own timeout surfaces as a cancellation that the run did not ask for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
