using System.Diagnostics.Metrics;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Silo.Metrics;

/// <summary>
/// The engine's own instruments on the meter <c>Dispatch</c>, exported at <c>/metrics</c>. Labels are bounded
/// (<see cref="MetricLabels"/>): never an incident id, a resource id or anything a customer said.
/// </summary>
public sealed class DispatchMetrics
{
    public const string MeterName = "Dispatch";

    // Recommendations cost microseconds on a warm index and up to a few hundred milliseconds on a cold,
    // national one; the default OpenTelemetry buckets (0..10 000) would squeeze all of that into a few.
    private static readonly double[] ComputeMicrosBuckets =
        [10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000];

    private readonly Counter<long> recommendations;
    private readonly Histogram<double> computeMicros;
    private readonly Counter<long> dispatches;
    private readonly Counter<long> incidentEvents;

    public DispatchMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        recommendations = meter.CreateCounter<long>(
            "dispatch.recommendations", "{recommendation}", "Recommendations answered, by status.");
        computeMicros = meter.CreateHistogram(
            "dispatch.recommendation.compute_time", "us", "Engine compute time of a recommendation, in microseconds.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ComputeMicrosBuckets });
        dispatches = meter.CreateCounter<long>(
            "dispatch.dispatches", "{dispatch}", "Dispatch requests answered (on their own or by autoDispatch), by outcome.");
        incidentEvents = meter.CreateCounter<long>(
            "dispatch.incident.events", "{event}", "Incident events asked for, by type and outcome.");
    }

    /// <summary>One recommendation answered with <paramref name="status"/>, computed in <paramref name="micros"/>.</summary>
    public void RecordRecommendation(double micros, string status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(micros);
        if (!double.IsFinite(micros))
        {
            throw new ArgumentOutOfRangeException(nameof(micros), micros, "must be finite");
        }

        var tag = new KeyValuePair<string, object?>("status", MetricLabels.Bounded(status, MetricLabels.RecommendationStatuses));
        recommendations.Add(1, tag);
        computeMicros.Record(micros, tag);
    }

    /// <summary>The dispatcher's answer as the endpoint got it; null means no network is loaded (nothing was computed).</summary>
    public void RecordRecommendation(RecommendationResult? result)
    {
        if (result is null)
        {
            recommendations.Add(1, new KeyValuePair<string, object?>("status", MetricLabels.NoNetwork));
            return;
        }

        RecordRecommendation(result.ComputeMicros, MetricLabels.Status(result));
    }

    public void RecordDispatch(string outcome) =>
        dispatches.Add(1, new KeyValuePair<string, object?>("outcome", MetricLabels.Bounded(outcome, MetricLabels.DispatchOutcomes)));

    public void RecordDispatch(CaseOutcome outcome) => RecordDispatch(MetricLabels.DispatchOutcome(outcome));

    /// <summary>An event of <paramref name="type"/> taken into a case's timeline.</summary>
    public void RecordIncidentEvent(string type) => RecordIncidentEvent(type, MetricLabels.Accepted);

    public void RecordIncidentEvent(string type, string outcome) =>
        incidentEvents.Add(
            1,
            new KeyValuePair<string, object?>("type", MetricLabels.Bounded(type, MetricLabels.EventTypes)),
            new KeyValuePair<string, object?>("outcome", MetricLabels.Bounded(outcome, MetricLabels.EventOutcomes)));

    public void RecordIncidentEvent(string type, CaseOutcome outcome) => RecordIncidentEvent(type, MetricLabels.EventOutcome(outcome));
}
