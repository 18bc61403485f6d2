using Dispatch.Load.Audit;
using Dispatch.Load.Measurement;
using Dispatch.Load.RawStorage;

namespace Dispatch.Load.Reporting;

/// <summary>The whole report of one invocation, as written to <c>--json</c> and printed as tables.</summary>
public sealed record LoadReport(
    string Tool,
    DateTimeOffset StartedAt,
    RunConfiguration Configuration,
    PhaseReport? Engine,
    AuditResult? Audit,
    BaselineReport? Baseline,
    RawStorageReport? RawStorage,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}

public sealed record RunConfiguration(
    string Target,
    double Rate,
    double DurationSeconds,
    double WarmupSeconds,
    string Mix,
    int Seed,
    int MaxInFlight,
    string IdPrefix,
    int ProcessorCount,
    string Machine);

/// <summary>One measured window: rates, the generator's own health, and latency per operation and per call.</summary>
public sealed record PhaseReport(
    double OfferedRatePerSecond,
    double MeasuredSeconds,
    double AchievedOperationsPerSecond,
    double AchievedRequestsPerSecond,
    long DroppedByGenerator,
    double MaxSchedulerLagMs,
    IReadOnlyList<OperationReport> Operations,
    OperationReport Total,
    IReadOnlyList<RequestReport> Requests,
    IReadOnlyDictionary<string, long> WarmupStatuses,
    IReadOnlyList<string> TransportErrorSamples,
    double DispatchCommitsPerSecond,
    double DurableWritesPerSecond);

/// <summary>Latency is from each arrival's intended send time to its last answer.</summary>
public sealed record OperationReport(
    string Name,
    long Completed,
    long Dropped,
    long Skipped,
    double PerSecond,
    LatencySummary Latency,
    IReadOnlyDictionary<string, long> Statuses);

/// <summary>Latency is the call's own service time, from its send.</summary>
public sealed record RequestReport(string Name, long Count, double PerSecond, LatencySummary ServiceTime, IReadOnlyDictionary<string, long> Statuses);

/// <summary>The bare endpoint at the engine's rate and at a saturating rate, and the engine's throughput as ratios of them.</summary>
public sealed record BaselineReport(
    PhaseReport SameRate,
    PhaseReport Saturating,
    double? EngineToBareAtSameRate,
    double? EngineToBareMaximum);

public sealed record RawStorageReport(
    string File,
    RawStorageResult Result,
    double? DispatchCommitsPerSecond,
    double? DispatchCommitsToRawUpserts);
