using System.Collections.Concurrent;
using Dispatch.Load.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Load.Tests;

public class OpenLoopRunnerTests
{
    [Fact]
    public async Task RunAsync_AllArrivalsDue_LaunchesEveryOneWithoutWaitingForEarlierOnes()
    {
        var time = new FakeTimeProvider();
        var schedule = ArrivalSchedule.For(time, 10, TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(2));
        var runner = new OpenLoopRunner(time, maxInFlight: 100);
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var launched = new ConcurrentQueue<ScheduledSend>();

        var run = runner.RunAsync(schedule, send => { launched.Enqueue(send); return answers.Task; }, _ => { });

        // No arrival has been answered, yet all ten are out.
        Assert.Equal(10, runner.Launched);
        Assert.Equal(0, runner.Dropped);
        Assert.False(run.IsCompleted);
        answers.SetResult();
        await run;
        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => schedule.IntendedTimestamp(i)),
            launched.OrderBy(s => s.Index).Select(s => s.IntendedTimestamp));
        Assert.Equal(TimeSpan.FromSeconds(2), runner.MaxSchedulerLag);
    }

    [Fact]
    public async Task RunAsync_CapReached_DropsAndReportsTheRest()
    {
        var time = new FakeTimeProvider();
        var schedule = ArrivalSchedule.For(time, 10, TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var runner = new OpenLoopRunner(time, maxInFlight: 4);
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dropped = new List<long>();

        var run = runner.RunAsync(schedule, _ => answers.Task, send => dropped.Add(send.Index));
        answers.SetResult();
        await run;

        Assert.Equal(4, runner.Launched);
        Assert.Equal(6, runner.Dropped);
        Assert.Equal([4L, 5, 6, 7, 8, 9], dropped);
        Assert.Equal(0, runner.InFlight);
    }

    [Fact]
    public async Task RunAsync_FutureArrival_WaitsForItsIntendedTime()
    {
        var time = new FakeTimeProvider();
        var schedule = ArrivalSchedule.For(time, 1, TimeSpan.FromSeconds(2));
        var runner = new OpenLoopRunner(time, maxInFlight: 10);
        var launched = new ConcurrentQueue<ScheduledSend>();

        var run = runner.RunAsync(schedule, send => { launched.Enqueue(send); return Task.CompletedTask; }, _ => { });

        Assert.Equal(1, runner.Launched);
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await run;
        Assert.Equal(2, runner.Launched);
        var second = launched.Single(s => s.Index == 1);
        Assert.Equal(second.IntendedTimestamp, second.LaunchTimestamp);
    }

    [Fact]
    public async Task RunAsync_LaunchThrows_SurfacesTheException()
    {
        var time = new FakeTimeProvider();
        var schedule = ArrivalSchedule.For(time, 5, TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var runner = new OpenLoopRunner(time, maxInFlight: 10);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.RunAsync(schedule, send => send.Index == 3 ? throw new InvalidOperationException("bug") : Task.CompletedTask, _ => { }));
        Assert.Equal(0, runner.InFlight);
    }
}
