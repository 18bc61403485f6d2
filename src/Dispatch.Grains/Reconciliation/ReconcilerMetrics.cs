using System.Diagnostics.Metrics;

namespace Dispatch.Grains.Reconciliation;

/// <summary>Repairs by kind on the host's <c>Dispatch</c> meter: <c>dispatch_reconciler_fixes_total{kind}</c> at
/// <c>/metrics</c>. The label is one of <see cref="FixKinds"/>, never an id.</summary>
public sealed class ReconcilerMetrics
{
    public const string MeterName = "Dispatch";

    private readonly Counter<long> fixes;

    public ReconcilerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        fixes = meterFactory.Create(MeterName).CreateCounter<long>(
            "dispatch.reconciler.fixes", "{fix}", "Inconsistencies between center holds and cases that the reconciler repaired, by kind.");
    }

    public void RecordFix(string kind) =>
        fixes.Add(1, new KeyValuePair<string, object?>("kind", FixKinds.All.Contains(kind) ? kind : "other"));
}
