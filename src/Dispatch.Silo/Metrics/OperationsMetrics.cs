using System.Diagnostics.Metrics;

namespace Dispatch.Silo.Metrics;

/// <summary>
/// What operators watch besides dispatch itself, on the meter <c>Dispatch</c>: storage latency, cluster membership and
/// refused requests. Labels are bounded: an operation, a state name from the code, a silo status, a role.
/// </summary>
public sealed class OperationsMetrics
{
    // A SQLite or PostgreSQL write takes from a fraction of a millisecond (group commit, warm cache) to seconds
    // (a database that is failing over); the SDK's default buckets start at 5 s for seconds and would hide all of it.
    private static readonly double[] StorageSecondsBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly HashSet<string> Operations = ["read", "write", "clear"];
    private static readonly HashSet<string> Outcomes = ["ok", "error"];
    private static readonly HashSet<string> SiloStatuses = ["none", "created", "joining", "active", "shuttingdown", "stopping", "dead"];

    /// <summary>Every label value these instruments may emit (besides <see cref="MetricLabels.Other"/>).</summary>
    public static IEnumerable<string> LabelValues => Operations.Concat(Outcomes).Concat(SiloStatuses).Concat(Grains.Auth.ApiRoles.All);

    private readonly Histogram<double> storageDuration;
    private readonly Counter<long> membershipChanges;
    private readonly Counter<long> rateLimited;

    public OperationsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(DispatchMetrics.MeterName);
        storageDuration = meter.CreateHistogram(
            "dispatch.storage.duration", "s", "Grain storage reads, writes and clears, by operation and outcome.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StorageSecondsBuckets });
        membershipChanges = meter.CreateCounter<long>(
            "dispatch.membership.changes", "{change}", "Silo status changes this silo saw in the cluster's membership, by new status.");
        rateLimited = meter.CreateCounter<long>(
            "dispatch.rate_limited", "{request}", "Requests refused with 429 by the per-key rate limits, by the key's role.");
    }

    // Not by state name: the operation is what an operator acts on, and each label value multiplies the buckets.
    public void RecordStorage(string operation, bool succeeded, TimeSpan elapsed) =>
        storageDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("operation", Operations.Contains(operation) ? operation : MetricLabels.Other),
            new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "error"));

    public void RecordMembershipChange(string status)
    {
        var name = status.ToLowerInvariant();
        membershipChanges.Add(1, new KeyValuePair<string, object?>("status", SiloStatuses.Contains(name) ? name : MetricLabels.Other));
    }

    public void RecordRateLimited(string role) =>
        rateLimited.Add(1, new KeyValuePair<string, object?>("role", Grains.Auth.ApiRoles.IsKnown(role) ? role : MetricLabels.Other));
}
