using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Reporting;

/// <summary>Turns a run's live counters into its report.</summary>
public static class PhaseReportBuilder
{
    private static readonly RequestKind[] DurableWrites =
        [RequestKind.CreateIncident, RequestKind.CreateAutoDispatch, RequestKind.Dispatch, RequestKind.Event, RequestKind.Cancel, RequestKind.Stock];

    // A create with autoDispatch answers 201 once the case and its hold are both committed.
    private static readonly RequestKind[] DispatchCommits = [RequestKind.Dispatch, RequestKind.CreateAutoDispatch];

    public static PhaseReport Build(LoadRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var operations = run.Measured.Operations
            .Select(o => Operation(o.Key.Name(), o.Value.Completed, o.Value.Dropped, o.Value.Skipped, o.Value.Latency, o.Value.Statuses, run))
            .ToList();

        var totalLatency = new LatencyHistogram();
        var totalStatuses = new StatusCounts();
        foreach (var (_, stats) in run.Measured.Operations)
        {
            totalLatency.Add(stats.Latency);
            totalStatuses.AddAll(stats.Statuses);
        }

        var total = Operation(
            "total",
            run.Measured.Operations.Sum(o => o.Value.Completed),
            run.Measured.Operations.Sum(o => o.Value.Dropped),
            run.Measured.Operations.Sum(o => o.Value.Skipped),
            totalLatency,
            totalStatuses,
            run);

        var requests = run.Measured.Requests
            .Select(r => new RequestReport(r.Key.Name(), r.Value.Statuses.Total, run.Per(r.Value.Statuses.Total), r.Value.ServiceTime.Summarize(), r.Value.Statuses.ToReport()))
            .ToList();

        var warmupStatuses = new StatusCounts();
        foreach (var (_, stats) in run.Warmup.Requests)
        {
            warmupStatuses.AddAll(stats.Statuses);
        }

        var dispatchCommits = run.Measured.Requests.Where(r => DispatchCommits.Contains(r.Key)).Sum(r => r.Value.Statuses.Where(IsSuccess));
        var durableWrites = run.Measured.Requests.Where(r => DurableWrites.Contains(r.Key)).Sum(r => r.Value.Statuses.Where(IsSuccess));

        return new PhaseReport(
            run.OfferedRatePerSecond,
            run.MeasuredWindow.TotalSeconds,
            run.AchievedOperationsPerSecond,
            run.AchievedRequestsPerSecond,
            run.DroppedByGenerator,
            run.MaxSchedulerLag.TotalMilliseconds,
            run.SchedulerLag.P99Ms,
            operations,
            total,
            requests,
            warmupStatuses.ToReport(),
            run.Warmup.TransportErrorSamples.Concat(run.Measured.TransportErrorSamples).Take(5).ToList(),
            run.Per(dispatchCommits),
            run.Per(durableWrites));
    }

    private static bool IsSuccess(int status) => status is >= 200 and < 300;

    private static OperationReport Operation(string name, long completed, long dropped, long skipped, LatencyHistogram latency, StatusCounts statuses, LoadRunResult run) =>
        new(name, completed, dropped, skipped, run.Per(completed), latency.Summarize(), statuses.ToReport());
}
