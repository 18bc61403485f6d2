using Dispatch.Cli.Charts;
using Dispatch.Cli.Sweep;
using Dispatch.Cli.Tests.Support;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Tests.Charts;

public class ChartTests
{
    private static readonly SimulationKpis Empty = SampleKpis.Create(0) with
    {
        Served = 0,
        ResponseMin = ResponseStats.None,
        WithinStandardShare = null,
        ByRegion = [],
        Coverage = new Dictionary<string, CoverageShare>(),
        ResponseHistogram = new ResponseHistogram(0, []),
        CoverageOverTime = [],
    };

    public static TheoryData<string> ChartNames => new() { ResponseTimeChart.FileName, WithinStandardChart.FileName, CoverageChart.FileName };

    private static IReadOnlyList<string> Save(string name, ScenarioOutcome outcome, string directory) => name switch
    {
        ResponseTimeChart.FileName => ResponseTimeChart.Save(outcome, directory, "scenario", "baseline"),
        WithinStandardChart.FileName => WithinStandardChart.Save(outcome, directory, "scenario", "baseline"),
        _ => CoverageChart.Save(outcome, directory, "scenario", "baseline"),
    };

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Save_RunsWithNothingToDraw_StillWritesPngAndSvg(string name)
    {
        using var temp = new TempDirectory();

        var files = Save(name, new ScenarioOutcome(Empty, Empty), temp.Path);

        Assert.Equal([temp.File(name + ".png"), temp.File(name + ".svg")], files);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Save_OneRunEmptyTheOtherNot_WritesBoth(string name)
    {
        using var temp = new TempDirectory();

        var files = Save(name, new ScenarioOutcome(SampleKpis.Create(20), Empty), temp.Path);

        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
    }

    [Fact]
    public void Tradeoff_NoRunServedAnything_StillWritesPngAndSvg()
    {
        using var temp = new TempDirectory();
        var row = SweepRow.From(1, "1", Empty);
        var sweep = new SweepResult("parameters.coverageLambda", "coverage", "closest", SweepRow.From(null, "baseline", Empty), [row]);

        var files = TradeoffChart.Save(sweep, temp.Path);

        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
    }
}
