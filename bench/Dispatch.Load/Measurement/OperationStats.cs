namespace Dispatch.Load.Measurement;

/// <summary>What one operation kind did in one phase: latency from intended send time to its last answer.</summary>
public sealed class OperationStats
{
    private long _completed;
    private long _dropped;
    private long _skipped;

    /// <summary>Latency from the intended send time, so that queueing in the generator or server is never hidden.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Every HTTP answer the operation got (an operation may make several calls).</summary>
    public StatusCounts Statuses { get; } = new();

    public long Completed => Interlocked.Read(ref _completed);
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Arrivals that found nothing to act on (e.g. an event with no dispatched incident yet) and sent nothing.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public void RecordCompleted(TimeSpan sinceIntended)
    {
        Latency.Record(sinceIntended);
        Interlocked.Increment(ref _completed);
    }

    public void RecordDropped() => Interlocked.Increment(ref _dropped);

    public void RecordSkipped() => Interlocked.Increment(ref _skipped);
}
