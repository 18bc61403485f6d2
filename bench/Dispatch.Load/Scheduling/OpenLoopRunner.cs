namespace Dispatch.Load.Scheduling;

/// <summary>Launches every arrival of a schedule at its intended time without waiting for earlier ones.</summary>
/// <remarks>
/// The only back-pressure is the in-flight cap: an arrival that finds the cap reached is dropped by the
/// generator (reported, never silently delayed), so the offered load stays what the schedule says. An arrival
/// launched late because the scheduler itself fell behind is still measured from its intended time.
/// </remarks>
public sealed class OpenLoopRunner
{
    private readonly TimeProvider _time;
    private readonly int _maxInFlight;
    private int _inFlight;
    private long _dropped;
    private long _launched;
    private long _maxLagTicks;

    public OpenLoopRunner(TimeProvider time, int maxInFlight)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInFlight);
        _time = time;
        _maxInFlight = maxInFlight;
    }

    public long Launched => Interlocked.Read(ref _launched);
    public long Dropped => Interlocked.Read(ref _dropped);
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The largest delay between an intended time and its launch, a sign the generator could not keep up.</summary>
    public TimeSpan MaxSchedulerLag => TimeSpan.FromSeconds((double)Interlocked.Read(ref _maxLagTicks) / _time.TimestampFrequency);

    /// <summary>Runs the schedule; completes when every launched arrival has finished.</summary>
    /// <param name="launch">Starts one arrival; runs on the thread pool so that it never holds the scheduler up.</param>
    /// <param name="onDropped">Told about each arrival dropped at the cap.</param>
    public async Task RunAsync(
        ArrivalSchedule schedule,
        Func<ScheduledSend, Task> launch,
        Action<ScheduledSend> onDropped,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(onDropped);
        var pending = new PendingSet(2 * _maxInFlight + 1024);
        for (long index = 0; index < schedule.Count; index++)
        {
            var intended = schedule.IntendedTimestamp(index);
            var wait = intended - _time.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / _time.TimestampFrequency), _time, cancellationToken)
                    .ConfigureAwait(false);
            }

            var now = _time.GetTimestamp();
            RecordLag(now - intended);
            var send = new ScheduledSend(index, intended, now);
            if (Interlocked.Increment(ref _inFlight) > _maxInFlight)
            {
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Increment(ref _dropped);
                onDropped(send);
                continue;
            }

            Interlocked.Increment(ref _launched);
            pending.Add(Task.Run(() => RunOneAsync(launch, send), CancellationToken.None));
        }

        await pending.WhenAllAsync().ConfigureAwait(false);
    }

    private async Task RunOneAsync(Func<ScheduledSend, Task> launch, ScheduledSend send)
    {
        try
        {
            await launch(send).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void RecordLag(long lag)
    {
        var current = Interlocked.Read(ref _maxLagTicks);
        while (lag > current)
        {
            var seen = Interlocked.CompareExchange(ref _maxLagTicks, lag, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>The launched arrivals that have not finished, pruned as they go so a long run stays small.</summary>
    private sealed class PendingSet(int pruneAt)
    {
        private readonly List<Task> _tasks = [];

        public void Add(Task task)
        {
            if (_tasks.Count >= pruneAt)
            {
                // Keep faulted ones: their exceptions must reach the caller.
                _tasks.RemoveAll(t => t.IsCompletedSuccessfully);
            }

            _tasks.Add(task);
        }

        public Task WhenAllAsync() => Task.WhenAll(_tasks);
    }
}
