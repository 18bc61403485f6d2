using System.Diagnostics.Metrics;
using Dispatch.Grains.Incidents;
using Dispatch.Silo.Metrics;
using Dispatch.Solver.Dispatching;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Silo.Tests.Metrics;

public sealed class DispatchMetricsTests : IDisposable
{
    private const string Recommendations = "dispatch.recommendations";
    private const string ComputeTime = "dispatch.recommendation.compute_time";
    private const string Dispatches = "dispatch.dispatches";
    private const string IncidentEvents = "dispatch.incident.events";

    private readonly ServiceProvider services;
    private readonly MeasurementRecorder recorder;
    private readonly DispatchMetrics metrics;

    public DispatchMetricsTests()
    {
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        recorder = new MeasurementRecorder(factory);
        metrics = new DispatchMetrics(factory);
    }

    public void Dispose()
    {
        recorder.Dispose();
        services.Dispose();
    }

    [Theory]
    [InlineData(RecommendationStatus.Recommended, "recommended")]
    [InlineData(RecommendationStatus.Unassignable, "unassignable")]
    [InlineData(RecommendationStatus.OutsideServedArea, "outside_served_area")]
    public void RecordRecommendation_Result_CountsStatusAndRecordsComputeMicros(RecommendationStatus status, string label)
    {
        metrics.RecordRecommendation(new RecommendationResult("110000", status, null, [], [], ComputeMicros: 1234, CoverageStandardMin: 60));

        var count = Assert.Single(recorder.Of(Recommendations));
        Assert.Equal(1, count.Value);
        Assert.Equal(label, count.Tag("status"));
        var time = Assert.Single(recorder.Of(ComputeTime));
        Assert.Equal(1234, time.Value);
        Assert.Equal(label, time.Tag("status"));
    }

    [Fact]
    public void RecordRecommendation_NoNetwork_CountsWithoutComputeTime()
    {
        metrics.RecordRecommendation(result: null);

        Assert.Equal("no_network", Assert.Single(recorder.Of(Recommendations)).Tag("status"));
        Assert.Empty(recorder.Of(ComputeTime));
    }

    [Fact]
    public void RecordRecommendation_UnknownStatus_LabelledOther()
    {
        metrics.RecordRecommendation(5, "Zhang San +86 138 0000 0000");

        Assert.Equal("other", Assert.Single(recorder.Of(Recommendations)).Tag("status"));
        Assert.Equal("other", Assert.Single(recorder.Of(ComputeTime)).Tag("status"));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RecordRecommendation_MicrosNegativeOrNotFinite_ThrowsAndRecordsNothing(double micros)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.RecordRecommendation(micros, "recommended"));

        Assert.Empty(recorder.Of(Recommendations));
        Assert.Empty(recorder.Of(ComputeTime));
    }

    [Theory]
    [InlineData(CaseOutcome.Ok, "dispatched")]
    [InlineData(CaseOutcome.Created, "dispatched")]
    [InlineData(CaseOutcome.Conflict, "conflict")]
    [InlineData(CaseOutcome.Unassignable, "unassignable")]
    [InlineData(CaseOutcome.NotFound, "not_found")]
    [InlineData(CaseOutcome.OutsideServedArea, "outside_served_area")]
    [InlineData(CaseOutcome.Invalid, "invalid")]
    public void RecordDispatch_CaseOutcome_CountedUnderItsLabel(CaseOutcome outcome, string label)
    {
        metrics.RecordDispatch(outcome);

        var dispatch = Assert.Single(recorder.Of(Dispatches));
        Assert.Equal(1, dispatch.Value);
        Assert.Equal(label, dispatch.Tag("outcome"));
    }

    [Fact]
    public void RecordDispatch_UnknownOutcome_LabelledOther()
    {
        metrics.RecordDispatch("inc-42");

        Assert.Equal("other", Assert.Single(recorder.Of(Dispatches)).Tag("outcome"));
    }

    [Theory]
    [InlineData("enroute", CaseOutcome.Ok, "enroute", "accepted")]
    [InlineData("completed", CaseOutcome.Conflict, "completed", "conflict")]
    [InlineData("cancelled", CaseOutcome.NotFound, "cancelled", "not_found")]
    [InlineData("teleported", CaseOutcome.Ok, "other", "accepted")]
    public void RecordIncidentEvent_TypeAndOutcome_LabelledBounded(string type, CaseOutcome outcome, string typeLabel, string outcomeLabel)
    {
        metrics.RecordIncidentEvent(type, outcome);

        var recorded = Assert.Single(recorder.Of(IncidentEvents));
        Assert.Equal(1, recorded.Value);
        Assert.Equal(typeLabel, recorded.Tag("type"));
        Assert.Equal(outcomeLabel, recorded.Tag("outcome"));
    }

    [Fact]
    public void RecordIncidentEvent_TypeOnly_CountedAsAccepted()
    {
        metrics.RecordIncidentEvent("onscene");

        var recorded = Assert.Single(recorder.Of(IncidentEvents));
        Assert.Equal("onscene", recorded.Tag("type"));
        Assert.Equal("accepted", recorded.Tag("outcome"));
    }

    [Fact]
    public void Meter_IsNamedDispatch()
    {
        using var listener = new MeterListener();
        var names = new List<string>();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, services.GetRequiredService<IMeterFactory>()))
            {
                names.Add(instrument.Meter.Name);
            }
        };
        listener.Start();

        Assert.Equal(4, names.Count);
        Assert.All(names, n => Assert.Equal(DispatchMetrics.MeterName, n));
    }
}
