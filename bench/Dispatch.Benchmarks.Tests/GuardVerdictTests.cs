using Dispatch.Benchmarks.Guard;

namespace Dispatch.Benchmarks.Tests;

public sealed class GuardVerdictTests
{
    private static readonly Dictionary<string, double> Baseline = new(StringComparer.Ordinal)
    {
        ["RecommendBenchmarks.Recommend"] = 1.0,
        ["CoverageUpdateBenchmarks.MoveAndBack"] = 0.5,
    };

    [Theory]
    [InlineData(1000, 1000)] // unchanged
    [InlineData(1900, 1000)] // 1.9x: noise or a small change, not worth stopping CI for
    [InlineData(2000, 1000)] // exactly the threshold still passes
    [InlineData(3000, 1500)] // the machine is 1.5x slower, the code is not: the yardstick takes it out
    public void Judge_WithinTwiceTheBaselineRatio_Passes(double medianNs, double yardstickNs)
    {
        var finding = GuardVerdict.Judge(new GuardMeasurement("RecommendBenchmarks.Recommend", medianNs, yardstickNs), Baseline);

        Assert.False(finding.Regressed);
    }

    [Theory]
    [InlineData(2100, 1000, 2.1)]
    [InlineData(3000, 1000, 3.0)] // the injected 3x slowdown
    [InlineData(4500, 750, 6.0)] // a faster machine does not hide a regression
    public void Judge_MoreThanTwiceTheBaselineRatio_Regresses(double medianNs, double yardstickNs, double slowdown)
    {
        var finding = GuardVerdict.Judge(new GuardMeasurement("RecommendBenchmarks.Recommend", medianNs, yardstickNs), Baseline);

        Assert.True(finding.Regressed);
        Assert.Equal(slowdown, finding.Slowdown, 6);
    }

    [Fact]
    public void Judge_BaselineRatioBelowOne_ComparesRatiosNotMedians()
    {
        var finding = GuardVerdict.Judge(new GuardMeasurement("CoverageUpdateBenchmarks.MoveAndBack", 1100, 1000), Baseline);

        Assert.True(finding.Regressed);
        Assert.Equal(2.2, finding.Slowdown, 6);
    }

    [Fact]
    public void Judge_BenchmarkWithoutBaseline_ThrowsNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() =>
            GuardVerdict.Judge(new GuardMeasurement("BatchBenchmarks.Solve", 1, 1), Baseline));

        Assert.Contains("BatchBenchmarks.Solve", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1000, 0)]
    [InlineData(double.NaN, 1000)]
    public void Judge_NoUsableMeasurement_Throws(double medianNs, double yardstickNs) =>
        Assert.Throws<ArgumentException>(() =>
            GuardVerdict.Judge(new GuardMeasurement("RecommendBenchmarks.Recommend", medianNs, yardstickNs), Baseline));
}
