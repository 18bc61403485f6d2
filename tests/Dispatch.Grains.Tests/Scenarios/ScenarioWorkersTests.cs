using Dispatch.Grains.Scenarios;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Tests.Scenarios;

public sealed class ScenarioWorkersTests
{
    [Fact]
    public async Task RunAsync_Work_AnswersOnADedicatedThreadNotThePool()
    {
        using var workers = new ScenarioWorkers(Options.Create(new ScenarioLimits { ThreadsPerSilo = 1 }));

        var (name, pool) = await workers.RunAsync(_ => (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread), CancellationToken.None);

        Assert.Equal("scenario-run-0", name);
        Assert.False(pool);
        Assert.Equal(1, workers.RunsStarted);
    }

    [Fact]
    public async Task RunAsync_WorkThrows_TheTaskFaultsAndTheThreadServesTheNext()
    {
        using var workers = new ScenarioWorkers(Options.Create(new ScenarioLimits { ThreadsPerSilo = 1 }));

        await Assert.ThrowsAsync<InvalidOperationException>(() => workers.RunAsync<int>(_ => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.Equal(7, await workers.RunAsync(_ => 7, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeAThreadTakesIt_CancelledWithoutRunning()
    {
        using var workers = new ScenarioWorkers(Options.Create(new ScenarioLimits { ThreadsPerSilo = 1 }));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workers.RunAsync(_ => 1, cancelled.Token));

        Assert.Equal(0, workers.RunsStarted);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaitingBehindAnotherRun_EndsWithoutWaitingForTheThread()
    {
        using var workers = new ScenarioWorkers(Options.Create(new ScenarioLimits { ThreadsPerSilo = 1 }));
        using var release = new ManualResetEventSlim();
        var busy = workers.RunAsync(_ => release.Wait(TimeSpan.FromMinutes(2)), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = workers.RunAsync(_ => 2, cancel.Token);

        await cancel.CancelAsync();

        // The thread is still held by the first run; the second ends anyway, and never starts.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(busy.IsCompleted);
        release.Set();
        Assert.True(await busy);
        Assert.Equal(7, await workers.RunAsync(_ => 7, CancellationToken.None));
        Assert.Equal(2, workers.RunsStarted);
    }

    [Fact]
    public async Task Checkpoint_PausingEveryMillisecond_WorkCompletesWithItsResult()
    {
        using var workers = new ScenarioWorkers(Options.Create(new ScenarioLimits { ThreadsPerSilo = 1, SliceMilliseconds = 1, PauseMilliseconds = 1 }));

        var sum = await workers.RunAsync(pacer =>
        {
            var total = 0L;
            for (var i = 0; i < 1_000; i++)
            {
                total += i;
                pacer.Checkpoint();
            }

            return total;
        }, CancellationToken.None);

        Assert.Equal(499_500, sum);
    }
}
