using System.Collections.Concurrent;
using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Measurement;

/// <summary>All measurements of one phase (warm-up or measured window) of one run.</summary>
public sealed class PhaseMetrics
{
    private readonly ConcurrentDictionary<OperationKind, OperationStats> _operations = new();
    private readonly ConcurrentDictionary<RequestKind, RequestStats> _requests = new();
    private readonly ConcurrentQueue<string> _transportErrorSamples = new();
    private long _lastCompletionTimestamp;

    public OperationStats Operation(OperationKind kind) => _operations.GetOrAdd(kind, _ => new OperationStats());

    public RequestStats Request(RequestKind kind) => _requests.GetOrAdd(kind, _ => new RequestStats());

    public IEnumerable<KeyValuePair<OperationKind, OperationStats>> Operations => _operations.OrderBy(o => o.Key);

    public IEnumerable<KeyValuePair<RequestKind, RequestStats>> Requests => _requests.OrderBy(r => r.Key);

    public long LastCompletionTimestamp => Interlocked.Read(ref _lastCompletionTimestamp);

    public long ServerErrors => _requests.Values.Sum(r => r.Statuses.ServerErrors);

    public long TransportErrors => _requests.Values.Sum(r => r.Statuses.TransportErrors);

    public long RequestCount => _requests.Values.Sum(r => r.Statuses.Total);

    /// <summary>The first few transport error messages, enough to tell a refused port from a timeout.</summary>
    public IReadOnlyList<string> TransportErrorSamples => _transportErrorSamples.ToArray();

    public void NoteTransportError(string message)
    {
        if (_transportErrorSamples.Count < 5)
        {
            _transportErrorSamples.Enqueue(message);
        }
    }

    public void NoteCompletion(long timestamp)
    {
        var current = Interlocked.Read(ref _lastCompletionTimestamp);
        while (timestamp > current)
        {
            var seen = Interlocked.CompareExchange(ref _lastCompletionTimestamp, timestamp, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

/// <summary>One HTTP call kind: its service time (from its own send) and its answers.</summary>
public sealed class RequestStats
{
    public LatencyHistogram ServiceTime { get; } = new();

    public StatusCounts Statuses { get; } = new();
}
