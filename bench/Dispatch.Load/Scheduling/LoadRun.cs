using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Operations;

namespace Dispatch.Load.Scheduling;

/// <summary>One open-loop run at a fixed rate: a warm-up phase, then the measured window, over one schedule.</summary>
/// <param name="kindOf">The kind of arrival k without planning it whole (for counting a drop cheaply).</param>
/// <param name="senders">Sender threads, one per connection of <paramref name="api"/>.</param>
public sealed class LoadRun(
    TimeProvider time,
    DispatchApiClient api,
    IReadOnlyDictionary<OperationKind, ILoadOperation> operations,
    Func<long, Arrival> plan,
    Func<long, OperationKind> kindOf,
    int maxInFlight,
    int senders)
{
    public LoadRun(TimeProvider time, DispatchApiClient api, IReadOnlyDictionary<OperationKind, ILoadOperation> operations, Func<long, Arrival> plan, int maxInFlight)
        : this(time, api, operations, plan, index => plan(index).Kind, maxInFlight, senders: 0)
    {
    }

    public async Task<LoadRunResult> RunAsync(double ratePerSecond, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var warmupMetrics = new PhaseMetrics();
        var measuredMetrics = new PhaseMetrics();
        var schedule = ArrivalSchedule.For(time, ratePerSecond, warmup + duration);
        var firstMeasured = schedule.FirstIndexAtOrAfter(warmup);
        var runner = new OpenLoopRunner(time, maxInFlight, senders, firstMeasured);
        PhaseMetrics PhaseOf(long index) => index < firstMeasured ? warmupMetrics : measuredMetrics;

        await runner.RunAsync(
            schedule,
            async send =>
            {
                var arrival = plan(send.Index);
                var metrics = PhaseOf(send.Index);
                var call = new OperationCall(api, metrics, arrival.Kind, arrival.Random, send.Index, cancellationToken);
                var executed = await operations[arrival.Kind].ExecuteAsync(call).ConfigureAwait(false);
                var end = time.GetTimestamp();
                var stats = metrics.Operation(arrival.Kind);
                if (executed)
                {
                    stats.RecordCompleted(time.GetElapsedTime(send.IntendedTimestamp, end));
                }
                else
                {
                    stats.RecordSkipped();
                }

                metrics.NoteCompletion(end);
            },
            send => PhaseOf(send.Index).Operation(kindOf(send.Index)).RecordDropped(),
            cancellationToken).ConfigureAwait(false);

        var measuredStart = schedule.StartTimestamp + (long)Math.Round(warmup.TotalSeconds * time.TimestampFrequency);
        var scheduleEnd = measuredStart + (long)Math.Round(duration.TotalSeconds * time.TimestampFrequency);
        var measuredEnd = Math.Max(scheduleEnd, measuredMetrics.LastCompletionTimestamp);
        return new LoadRunResult(
            ratePerSecond,
            warmupMetrics,
            measuredMetrics,
            time.GetElapsedTime(measuredStart, measuredEnd),
            runner.Dropped,
            runner.MaxSchedulerLag,
            runner.SchedulerLag);
    }
}

/// <summary>What a run measured. Rates are over the measured window, which ends when its last arrival was answered.</summary>
public sealed record LoadRunResult(
    double OfferedRatePerSecond,
    PhaseMetrics Warmup,
    PhaseMetrics Measured,
    TimeSpan MeasuredWindow,
    long DroppedByGenerator,
    TimeSpan MaxSchedulerLag,
    LatencySummary SchedulerLag)
{
    public long CompletedOperations => Measured.Operations.Sum(o => o.Value.Completed);

    public double AchievedOperationsPerSecond => Per(CompletedOperations);

    public double AchievedRequestsPerSecond => Per(Measured.RequestCount);

    public long ServerErrors => Warmup.ServerErrors + Measured.ServerErrors;

    public long TransportErrors => Warmup.TransportErrors + Measured.TransportErrors;

    public double Per(long count) => MeasuredWindow > TimeSpan.Zero ? count / MeasuredWindow.TotalSeconds : 0;
}
