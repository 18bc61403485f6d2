using Dispatch.Solver.Simulation;
using ScottPlot;

namespace Dispatch.Cli.Charts;

/// <summary><c>coverage-over-time</c>: the covered share of demand per coverage class over the horizon, all regions and
/// remote regions, the scenario in solid lines and the baseline dashed.</summary>
public static class CoverageChart
{
    public const string FileName = "coverage-over-time";

    public static IReadOnlyList<string> Save(ScenarioOutcome outcome, string directory, string scenarioLabel, string baselineLabel)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var plot = new Plot();
        plot.Title("Coverage over time (solid: " + scenarioLabel + ", dashed: " + baselineLabel + ")");
        plot.XLabel("time since the start of the horizon (days)");
        plot.YLabel("covered demand (%)");

        var classes = outcome.Scenario.CoverageOverTime.Concat(outcome.Baseline.CoverageOverTime)
            .Select(s => s.CoverageClass).Distinct().Order(StringComparer.Ordinal).ToList();
        if (classes.Count == 0)
        {
            ChartFiles.MarkEmpty(plot, "no coverage samples");
            return ChartFiles.Save(plot, directory, FileName, 1200, 700);
        }

        var colour = 0;
        foreach (var coverageClass in classes)
        {
            foreach (var (scope, pick) in new (string, Func<CoverageSample, double?>)[] { ("all", s => s.All), ("remote", s => s.Remote) })
            {
                var color = ChartStyle.Series[colour++ % ChartStyle.Series.Count];
                AddLine(plot, outcome.Scenario, coverageClass, pick, color, LinePattern.Solid, $"{coverageClass}, {scope}: {scenarioLabel}");
                AddLine(plot, outcome.Baseline, coverageClass, pick, color, LinePattern.Dashed, $"{coverageClass}, {scope}: {baselineLabel}");
            }
        }

        // Axis fitted to the data: coverage moves by a few points, which a 0..100 axis would flatten.
        plot.ShowLegend(Edge.Right);
        return ChartFiles.Save(plot, directory, FileName, 1400, 700);
    }

    private static void AddLine(Plot plot, SimulationKpis run, string coverageClass, Func<CoverageSample, double?> pick, Color color, LinePattern pattern, string legend)
    {
        // A sample without demand in that scope (null) is left out rather than drawn as 0.
        var samples = run.CoverageOverTime
            .Where(s => s.CoverageClass == coverageClass && pick(s) is not null)
            .OrderBy(s => s.AtMin)
            .ToList();
        if (samples.Count == 0)
        {
            return;
        }

        var line = plot.Add.ScatterLine(
            samples.Select(s => s.AtMin / 1440.0).ToArray(),
            samples.Select(s => pick(s)!.Value * 100).ToArray(),
            color);
        line.LinePattern = pattern;
        line.LineWidth = 1.6f;
        line.LegendText = legend;
    }
}
