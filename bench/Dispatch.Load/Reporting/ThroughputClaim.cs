using System.Globalization;

namespace Dispatch.Load.Reporting;

/// <summary>Whether a run's throughput may be claimed as the server's, or the generator may have set it.</summary>
/// <remarks>A figure is claimed only when the generator was not the bottleneck: well under its own ceiling on the
/// bare endpoint at the same settings, every arrival sent (none dropped at the cap) and sent on time.</remarks>
public sealed record ThroughputClaim(
    bool Claimed,
    double? CeilingRequestsPerSecond,
    double? ShareOfCeiling,
    IReadOnlyList<string> Reasons)
{
    /// <summary>A scheduler lag p99 above this means the generator did not send on schedule.</summary>
    public const double LagP99LimitMs = 10;

    public string Label => Claimed ? "claimed" : "GENERATOR-BOUND (not claimed)";

    public static ThroughputClaim Judge(PhaseReport phase, PhaseReport? ceiling, double share)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var reasons = new List<string>();
        double? ratio = null;
        if (ceiling is null || ceiling.AchievedRequestsPerSecond <= 0)
        {
            reasons.Add("the generator's ceiling was not measured (--no-ceiling)");
        }
        else
        {
            ratio = phase.AchievedRequestsPerSecond / ceiling.AchievedRequestsPerSecond;
            if (ratio > share)
            {
                reasons.Add(Invariant($"{phase.AchievedRequestsPerSecond:0} requests/s is {ratio:0.00} of the generator's ceiling {ceiling.AchievedRequestsPerSecond:0}/s (limit {share:0.00})"));
            }
        }

        if (phase.DroppedByGenerator > 0)
        {
            reasons.Add(Invariant($"{phase.DroppedByGenerator} arrivals dropped at the in-flight cap: the offered rate was not all sent"));
        }

        if (phase.SchedulerLagP99Ms > LagP99LimitMs)
        {
            reasons.Add(Invariant($"scheduler lag p99 {phase.SchedulerLagP99Ms:0.0} ms > {LagP99LimitMs:0} ms: arrivals were not sent on time"));
        }

        return new ThroughputClaim(reasons.Count == 0, ceiling?.AchievedRequestsPerSecond, ratio, reasons);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
