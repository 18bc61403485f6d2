using System.Runtime.ExceptionServices;
using Dispatch.Load.Measurement;

namespace Dispatch.Load.Scheduling;

/// <summary>Sends every arrival of a schedule at its intended time without waiting for earlier ones to be answered.</summary>
/// <remarks>
/// <para>The scheduler accepts each arrival at its intended time and hands it to a fixed pool of sender threads
/// (one per connection, as wrk's <c>-c</c>); a sender runs the arrival to its end, blocking on its own connection.
/// The only back-pressure is the in-flight cap (accepted and not finished, queued ones included): an arrival that
/// finds it reached is dropped by the generator (reported, never silently delayed), so the offered load stays what
/// the schedule says. An arrival that waits for a free sender, or is accepted late because the scheduler fell
/// behind, is still measured from its intended time: that wait is the queueing a real client would see.</para>
/// <para>The scheduler sleeps on the system timer (~1 ms) and, each time it wakes, accepts every arrival then due
/// in one batch. A timer and a <c>Task.Run</c> per arrival, and handing each answer to the thread pool, cost the
/// old generator more CPU per request than the bare server's answer on two shared cores.</para>
/// </remarks>
public sealed class OpenLoopRunner
{
    private readonly TimeProvider _time;
    private readonly int _maxInFlight;
    private readonly int _senders;
    private readonly long _lagFromIndex;
    private readonly LatencyHistogram _lag = new();
    // Senders wait on this lock's monitor, which blocks at once: SemaphoreSlim spun before blocking, and 32 idle
    // senders spinning took most of the generator's CPU.
    private readonly object _gate = new();
    private readonly Queue<ScheduledSend> _queue = new();
    private readonly Lock _failureLock = new();
    private int _inFlight;
    private long _dropped;
    private long _launched;
    private long _maxLagTicks;
    private int _runningSenders;
    private bool _scheduled;
    private ExceptionDispatchInfo? _firstFailure;
    private TaskCompletionSource? _allDone;

    /// <param name="senders">Sender threads (connections); default: the cap, at most 64. Never more than the cap.</param>
    /// <param name="lagFromIndex">The first arrival whose lag counts (the measured window's, so that warm-up JIT
    /// and connection set-up do not count as the generator falling behind).</param>
    public OpenLoopRunner(TimeProvider time, int maxInFlight, int senders = 0, long lagFromIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInFlight);
        ArgumentOutOfRangeException.ThrowIfNegative(senders);
        ArgumentOutOfRangeException.ThrowIfNegative(lagFromIndex);
        _time = time;
        _maxInFlight = maxInFlight;
        _senders = Math.Min(maxInFlight, senders > 0 ? senders : Math.Min(maxInFlight, 64));
        _lagFromIndex = lagFromIndex;
    }

    /// <summary>Arrivals accepted at (or, when the scheduler fell behind, after) their intended time.</summary>
    public long Launched => Interlocked.Read(ref _launched);
    public long Dropped => Interlocked.Read(ref _dropped);
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The largest delay between an intended time and its acceptance, a sign the generator could not keep up.</summary>
    public TimeSpan MaxSchedulerLag => TimeSpan.FromSeconds((double)Interlocked.Read(ref _maxLagTicks) / _time.TimestampFrequency);

    /// <summary>Delays between intended times and acceptances or drops.</summary>
    public LatencySummary SchedulerLag => _lag.Summarize();

    /// <summary>Runs the schedule; completes when every accepted arrival has finished.</summary>
    /// <param name="launch">Runs one arrival, on a sender thread; a task it returns unfinished is waited for there.</param>
    /// <param name="onDropped">Told about each arrival dropped at the cap, on the scheduler.</param>
    /// <exception cref="Exception">The first exception an arrival threw, once all have finished.</exception>
    public async Task RunAsync(
        ArrivalSchedule schedule,
        Func<ScheduledSend, Task> launch,
        Action<ScheduledSend> onDropped,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(onDropped);
        _allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _scheduled = false;
        _runningSenders = _senders;
        for (var i = 0; i < _senders; i++)
        {
            new Thread(() => SenderLoop(launch)) { IsBackground = true, Name = "load-sender-" + i }.Start();
        }

        try
        {
            await ScheduleAsync(schedule, onDropped, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every sender leaves when it finds the queue empty.
            lock (_gate)
            {
                _scheduled = true;
                Monitor.PulseAll(_gate);
            }
        }

        await _allDone.Task.ConfigureAwait(false);
        _firstFailure?.Throw();
    }

    private async Task ScheduleAsync(ArrivalSchedule schedule, Action<ScheduledSend> onDropped, CancellationToken cancellationToken)
    {
        long index = 0;
        while (index < schedule.Count)
        {
            var wait = schedule.IntendedTimestamp(index) - _time.GetTimestamp();
            if (wait > 0)
            {
                // Whole milliseconds, at least one: the system timer counts in them, and a shorter delay fires at
                // once, so that at thousands of arrivals a second the old scheduler spun through the timer queue
                // instead of sleeping (most of a core on a two-core machine).
                var milliseconds = Math.Max(1, Math.Ceiling(wait * 1000.0 / _time.TimestampFrequency));
                await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), _time, cancellationToken).ConfigureAwait(false);
            }

            // Everything due by now is accepted in this batch.
            var now = _time.GetTimestamp();
            for (; index < schedule.Count; index++)
            {
                var intended = schedule.IntendedTimestamp(index);
                if (intended > now)
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                AcceptOrDrop(new ScheduledSend(index, intended, _time.GetTimestamp()), onDropped);
            }
        }
    }

    private void AcceptOrDrop(ScheduledSend send, Action<ScheduledSend> onDropped)
    {
        if (send.Index >= _lagFromIndex)
        {
            RecordLag(send.LaunchTimestamp - send.IntendedTimestamp);
        }

        if (Interlocked.Increment(ref _inFlight) > _maxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _dropped);
            onDropped(send);
            return;
        }

        Interlocked.Increment(ref _launched);
        lock (_gate)
        {
            _queue.Enqueue(send);
            Monitor.Pulse(_gate);
        }
    }

    private void SenderLoop(Func<ScheduledSend, Task> launch)
    {
        while (Next() is { } send)
        {
            RunOne(launch, send);
        }

        if (Interlocked.Decrement(ref _runningSenders) == 0)
        {
            _allDone!.TrySetResult();
        }
    }

    /// <summary>The next queued arrival, waiting for one; null once the schedule is done and the queue empty.</summary>
    private ScheduledSend? Next()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_queue.TryDequeue(out var send))
                {
                    return send;
                }

                if (_scheduled)
                {
                    return null;
                }

                Monitor.Wait(_gate);
            }
        }
    }

    private void RunOne(Func<ScheduledSend, Task> launch, ScheduledSend send)
    {
        try
        {
            launch(send).GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            lock (_failureLock)
            {
                _firstFailure ??= ExceptionDispatchInfo.Capture(error);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void RecordLag(long lag)
    {
        _lag.Record(TimeSpan.FromSeconds((double)Math.Max(0, lag) / _time.TimestampFrequency));
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
}
