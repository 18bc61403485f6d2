using System.Globalization;
using System.Text.Json;
using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.EndToEnd;

public class SweepOnFileTests
{
    [Fact]
    public async Task Sweep_TinyNetwork_WritesOneCsvRowPerValueAndTheTradeoffChart()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["sweep", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--param", "parameters.coverageLambda", "--values", "0,0.5,4", "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = File.ReadAllLines(temp.File("sweep.csv"));
        Assert.StartsWith("value,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["0", "0.5", "4"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.True(double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture) > 0, l));
        Assert.True(new FileInfo(temp.File("tradeoff.png")).Length > 0);
        Assert.True(new FileInfo(temp.File("tradeoff.svg")).Length > 0);
    }

    [Fact]
    public async Task Sweep_TinyNetwork_JsonHasTheClosestBaselineAndEveryValue()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["sweep", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--param", "priorityCoverageFactor.p3", "--values", "0,2", "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var sweep = JsonDocument.Parse(File.ReadAllText(temp.File("sweep.json")));
        Assert.Equal("parameters.priorityCoverageFactor.p3", sweep.RootElement.GetProperty("parameter").GetString());
        Assert.Equal("closest", sweep.RootElement.GetProperty("baselinePolicy").GetString());
        Assert.Equal(JsonValueKind.Null, sweep.RootElement.GetProperty("baseline").GetProperty("value").ValueKind);
        Assert.Equal([0.0, 2.0], sweep.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("value").GetDouble()));
        Assert.Contains("baseline (closest)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_ClosestPolicyWithLambda_ChangesNothingAgainstAClosestBaseline()
    {
        // coverageLambda only enters the coverage score: under closest every value must give the baseline's figures,
        // which shows each value ran on the same demand as the baseline.
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["sweep", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--policy", "closest", "--param", "coverageLambda", "--values", "0,8", "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var sweep = JsonDocument.Parse(File.ReadAllText(temp.File("sweep.json")));
        var baseline = sweep.RootElement.GetProperty("baseline").GetProperty("meanResponseMin").GetDouble();
        Assert.All(sweep.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.Equal(baseline, r.GetProperty("meanResponseMin").GetDouble()));
    }
}
