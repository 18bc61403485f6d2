using Dispatch.Load.Measurement;

namespace Dispatch.Load.Tests;

public class LatencyHistogramTests
{
    [Fact]
    public void Summarize_KnownValues_GivesPercentilesInMilliseconds()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.RecordMicros(ms * 1000L);
        }

        var summary = histogram.Summarize();

        Assert.Equal(1000, summary.Count);
        Assert.InRange(summary.P50Ms, 499.5, 500.5);
        Assert.InRange(summary.P90Ms, 899.5, 900.5);
        Assert.InRange(summary.P99Ms, 989.5, 990.5);
        Assert.InRange(summary.P999Ms, 998.5, 999.5);
        Assert.InRange(summary.MaxMs, 999.5, 1000.5);
    }

    [Fact]
    public void Add_TwoHistograms_MergesTheirCounts()
    {
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        for (var i = 0; i < 99; i++)
        {
            fast.RecordMicros(1_000);
        }

        slow.RecordMicros(2_000_000);
        fast.Add(slow);

        var summary = fast.Summarize();
        Assert.Equal(100, summary.Count);
        Assert.InRange(summary.P50Ms, 0.99, 1.01);
        Assert.InRange(summary.MaxMs, 1995, 2005);
    }

    [Fact]
    public void Summarize_Empty_IsAllZero()
    {
        Assert.Equal(LatencySummary.Empty, new LatencyHistogram().Summarize());
    }
}
