using Dispatch.Load.Audit;
using Dispatch.Load.Measurement;
using Dispatch.Load.RawStorage;

namespace Dispatch.Load.Reporting;

/// <summary>The whole report of one invocation, as written to <c>--json</c> and printed as tables.</summary>
public sealed record LoadReport(
    string Tool,
    DateTimeOffset StartedAt,
    RunConfiguration Configuration,
    PhaseReport? GeneratorCeiling,
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
    int Connections,
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
    double SchedulerLagP99Ms,
    IReadOnlyList<OperationReport> Operations,
    OperationReport Total,
    IReadOnlyList<RequestReport> Requests,
    IReadOnlyDictionary<string, long> WarmupStatuses,
    IReadOnlyList<string> TransportErrorSamples,
    double DispatchCommitsPerSecond,
    double DurableWritesPerSecond,
    ThroughputClaim? Claim = null);

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

/// <summary>The bare endpoint at the engine's rate and at a saturating rate (the generator's ceiling), and the
/// engine's throughput as ratios of them.</summary>
/// <remarks>The maximum ratio is a lower bound of the bare endpoint's capacity when the ceiling is the generator's
/// (it always is on a shared machine): use bench/http-ratio.sh (wrk) for the bare endpoint's own figure.</remarks>
public sealed record BaselineReport(
    PhaseReport SameRate,
    PhaseReport Saturating,
    double? EngineToBareAtSameRate,
    double? EngineToBareMaximum)
{
    public static BaselineReport Of(PhaseReport sameRate, PhaseReport saturating, PhaseReport? engine, double ceilingShare)
    {
        ArgumentNullException.ThrowIfNull(sameRate);
        ArgumentNullException.ThrowIfNull(saturating);
        double? Ratio(double engineRate, double bareRate) => bareRate > 0 ? engineRate / bareRate : null;
        return new BaselineReport(
            sameRate with { Claim = ThroughputClaim.Judge(sameRate, saturating, ceilingShare) },
            saturating,
            engine is null ? null : Ratio(engine.AchievedOperationsPerSecond, sameRate.AchievedOperationsPerSecond),
            engine is null ? null : Ratio(engine.AchievedOperationsPerSecond, saturating.AchievedOperationsPerSecond));
    }
}

public sealed record RawStorageReport(
    string File,
    RawStorageResult Result,
    double? DispatchCommitsPerSecond,
    double? DispatchCommitsToRawUpserts);
