using System.Diagnostics.Metrics;

namespace Dispatch.Grains.Incidents;

/// <summary>What cases do on their own, on the host's <c>Dispatch</c> meter (exported at <c>/metrics</c>): escalations
/// by level and the time from call to dispatch. Labels are bounded: a level, never an id.</summary>
public sealed class CaseMetrics
{
    /// <summary>The meter the host exports; the factory hands every caller of a name the same meter.</summary>
    public const string MeterName = "Dispatch";

    // The standard is 120 s, so a boundary sits exactly there: the share within it is one bucket read.
    private static readonly double[] TimeToDispatchBuckets = [15, 30, 60, 90, 120, 180, 300, 600, 1_800, 3_600];

    /// <summary>Every value the <c>level</c> label takes.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> LevelLabels = ["1", "2", "other"];

    private readonly Counter<long> escalations;
    private readonly Histogram<double> timeToDispatch;

    public CaseMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        escalations = meter.CreateCounter<long>(
            "dispatch.escalations", "{escalation}", "Cases escalated for not being dispatched within the standard, by level.");
        timeToDispatch = meter.CreateHistogram(
            "dispatch.time_to_dispatch", "s", "Seconds from the call (reportedAt) to the dispatch of its case.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TimeToDispatchBuckets });
    }

    public void RecordEscalation(int level) =>
        escalations.Add(1, new KeyValuePair<string, object?>("level", level is >= 1 and <= CaseSla.MaxLevel ? level.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other"));

    public void RecordTimeToDispatch(double seconds) => timeToDispatch.Record(Math.Max(0, seconds));
}
