using System.Collections.Concurrent;
using Dispatch.Load.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Load.Tests;

/// <summary>The runner with fewer senders (connections) than arrivals due: open loop all the same.</summary>
public class OpenLoopRunnerSenderTests
{
    [Fact]
    public async Task RunAsync_AllSendersBusy_AcceptsDueArrivalsOnTimeAndQueuesThem()
    {
        var time = new FakeTimeProvider();
        var schedule = ArrivalSchedule.For(time, 10, TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var runner = new OpenLoopRunner(time, maxInFlight: 100, senders: 2);
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new ConcurrentQueue<ScheduledSend>();

        var run = runner.RunAsync(schedule, send => { started.Enqueue(send); return answers.Task; }, _ => { });

        // Two senders hold two arrivals; the other eight are accepted at their time, not dropped and not delayed.
        Assert.Equal(10, runner.Launched);
        Assert.Equal(0, runner.Dropped);
        Assert.Equal(10, runner.InFlight);
        await WaitUntilAsync(() => started.Count == 2);
        await Task.Delay(50);
        Assert.Equal(2, started.Count);
        answers.SetResult();
        await run;
        Assert.Equal(10, started.Count);
        Assert.All(started, s => Assert.Equal(schedule.IntendedTimestamp(s.Index), s.IntendedTimestamp));
        Assert.Equal(0, runner.InFlight);
    }

    [Fact]
    public async Task RunAsync_QueueAtTheCap_DropsInsteadOfDelaying()
    {
        var time = new FakeTimeProvider();
        var schedule = ArrivalSchedule.For(time, 10, TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var runner = new OpenLoopRunner(time, maxInFlight: 5, senders: 1);
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dropped = new ConcurrentQueue<long>();

        var run = runner.RunAsync(schedule, _ => answers.Task, send => dropped.Enqueue(send.Index));
        answers.SetResult();
        await run;

        Assert.Equal(5, runner.Launched);
        Assert.Equal([5L, 6, 7, 8, 9], dropped);
    }

    [Fact]
    public async Task RunAsync_ArrivalsDueWithinOneWake_AreAcceptedInOneBatchWithTheirLag()
    {
        var time = new FakeTimeProvider();
        // 1,000/s: the arrivals at 0, 1, 2 and 3 ms are all due when the clock jumps 3 ms.
        var schedule = ArrivalSchedule.For(time, 1000, TimeSpan.FromMilliseconds(4));
        var runner = new OpenLoopRunner(time, maxInFlight: 10, senders: 1);
        var launched = new ConcurrentQueue<ScheduledSend>();

        var run = runner.RunAsync(schedule, send => { launched.Enqueue(send); return Task.CompletedTask; }, _ => { });
        Assert.Equal(1, runner.Launched);
        time.Advance(TimeSpan.FromMilliseconds(3));
        await run;

        Assert.Equal(4, runner.Launched);
        var late = launched.Single(s => s.Index == 1);
        Assert.Equal(time.TimestampFrequency * 2 / 1000, late.LaunchTimestamp - late.IntendedTimestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(2), runner.MaxSchedulerLag);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
