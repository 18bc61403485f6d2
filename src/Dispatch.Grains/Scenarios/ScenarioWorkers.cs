using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Scenarios;

/// <summary>The silo's dedicated threads for what-if runs (<see cref="ScenarioLimits.ThreadsPerSilo"/>). A run is
/// seconds of CPU; on the thread pool it would share workers with grain turns and Kestrel, and several runs could
/// take every core. Here at most cores − 1 run at once, each pausing between slices (<see cref="Pacer"/>).</summary>
public sealed class ScenarioWorkers : IDisposable
{
    private readonly BlockingCollection<Action> queue = [];
    private readonly TimeSpan slice;
    private readonly TimeSpan pause;
    private long started;

    public ScenarioWorkers(IOptions<ScenarioLimits> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var settings = limits.Value;
        ThreadCount = settings.EffectiveThreads(Environment.ProcessorCount);
        slice = TimeSpan.FromMilliseconds(settings.SliceMilliseconds);
        pause = TimeSpan.FromMilliseconds(settings.PauseMilliseconds);
        for (var i = 0; i < ThreadCount; i++)
        {
            // Background: a stopping silo cancels its runs, it does not wait for a thread to notice.
            new Thread(Work) { IsBackground = true, Name = $"scenario-run-{i}" }.Start();
        }
    }

    public int ThreadCount { get; }

    /// <summary>Runs this silo's threads have started since it began.</summary>
    public long RunsStarted => Interlocked.Read(ref started);

    /// <summary>Queues <paramref name="work"/> for the next free thread; it gets a pacer to call between chunks. The
    /// task completes on that thread, so an awaiting grain resumes on its own scheduler, not here. Cancelled while
    /// still waiting for a thread, it ends at once (a cancel must not wait behind another run); once started, the
    /// work itself observes the token.</summary>
    public Task<T> RunAsync<T>(Func<Pacer, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimed = 0;
        var registration = cancellationToken.Register(() =>
        {
            if (Interlocked.CompareExchange(ref claimed, 1, 0) == 0)
            {
                done.TrySetCanceled(cancellationToken);
            }
        });
        queue.Add(() =>
        {
            registration.Dispose();
            if (Interlocked.CompareExchange(ref claimed, 1, 0) != 0)
            {
                return;
            }

            Interlocked.Increment(ref started);
            try
            {
                done.TrySetResult(work(new Pacer(slice, pause)));
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    private void Work()
    {
        foreach (var item in queue.GetConsumingEnumerable())
        {
            item();
        }
    }

    public void Dispose() => queue.CompleteAdding();

    /// <summary>Gives the core away for a moment after every slice of computing. Wall time on purpose (not the
    /// injected clock): it paces real CPU, and it changes nothing the run computes.</summary>
    public sealed class Pacer(TimeSpan slice, TimeSpan pause)
    {
        private long sliceStart = Stopwatch.GetTimestamp();

        public void Checkpoint()
        {
            if (Stopwatch.GetElapsedTime(sliceStart) < slice)
            {
                return;
            }

            if (pause > TimeSpan.Zero)
            {
                Thread.Sleep(pause);
            }
            else
            {
                Thread.Yield();
            }

            sliceStart = Stopwatch.GetTimestamp();
        }
    }
}
