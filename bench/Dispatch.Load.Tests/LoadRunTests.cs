using Dispatch.Load.Api;
using Dispatch.Load.Operations;
using Dispatch.Load.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Load.Tests;

public class LoadRunTests
{
    [Fact]
    public async Task RunAsync_SlowAnswers_MeasureLatencyFromIntendedSendTime()
    {
        var time = new FakeTimeProvider();
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var operation = new GatedOperation(answers.Task);
        using var api = new DispatchApiClient(new Uri("http://127.0.0.1:9/"), null, 4, TimeSpan.FromSeconds(1), time);
        var run = new LoadRun(
            time,
            api,
            new Dictionary<OperationKind, ILoadOperation> { [OperationKind.Recommend] = operation },
            index => new Arrival(index, OperationKind.Recommend, new Random(1)),
            maxInFlight: 10);

        var running = run.RunAsync(1, TimeSpan.Zero, TimeSpan.FromSeconds(3), CancellationToken.None);
        // Arrivals at 0 s, 1 s and 2 s; every answer comes at 5 s.
        time.Advance(TimeSpan.FromSeconds(5));
        answers.SetResult();
        var result = await running;

        var stats = result.Measured.Operation(OperationKind.Recommend);
        Assert.Equal(3, stats.Completed);
        var latency = stats.Latency.Summarize();
        Assert.InRange(latency.MaxMs, 4995, 5005);
        Assert.InRange(latency.P50Ms, 3995, 4005);
        Assert.Equal(TimeSpan.FromSeconds(5), result.MeasuredWindow);
        Assert.Equal(3 / 5.0, result.AchievedOperationsPerSecond, 6);
    }

    [Fact]
    public async Task RunAsync_Warmup_KeepsItsArrivalsOutOfTheMeasuredWindow()
    {
        var time = new FakeTimeProvider();
        using var api = new DispatchApiClient(new Uri("http://127.0.0.1:9/"), null, 4, TimeSpan.FromSeconds(1), time);
        var run = new LoadRun(
            time,
            api,
            new Dictionary<OperationKind, ILoadOperation> { [OperationKind.Recommend] = new GatedOperation(Task.CompletedTask) },
            index => new Arrival(index, OperationKind.Recommend, new Random(1)),
            maxInFlight: 100);

        var running = run.RunAsync(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), CancellationToken.None);
        // One jump releases all 30 arrivals at once; the cap is above that, so none is dropped.
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await running;

        Assert.Equal(10, result.Warmup.Operation(OperationKind.Recommend).Completed);
        Assert.Equal(20, result.Measured.Operation(OperationKind.Recommend).Completed);
        Assert.Equal(0, result.DroppedByGenerator);
    }

    private sealed class GatedOperation(Task answer) : ILoadOperation
    {
        public OperationKind Kind => OperationKind.Recommend;

        public async Task<bool> ExecuteAsync(OperationCall arrival)
        {
            await answer;
            return true;
        }
    }
}
