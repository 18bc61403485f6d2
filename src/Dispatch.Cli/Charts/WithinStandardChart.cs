using Dispatch.Solver.Simulation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Dispatch.Cli.Charts;

/// <summary><c>within-standard-by-region</c>: per region, the share of incidents served within the standard, both runs.</summary>
/// <remarks>Horizontal bars, so that thirty-odd region names stay readable.</remarks>
public static class WithinStandardChart
{
    public const string FileName = "within-standard-by-region";

    public static IReadOnlyList<string> Save(ScenarioOutcome outcome, string directory, string scenarioLabel, string baselineLabel)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var scenario = outcome.Scenario.ByRegion.ToDictionary(r => r.Region, StringComparer.Ordinal);
        var baseline = outcome.Baseline.ByRegion.ToDictionary(r => r.Region, StringComparer.Ordinal);
        var regions = outcome.Scenario.ByRegion
            .Concat(outcome.Baseline.ByRegion.Where(r => !scenario.ContainsKey(r.Region)))
            .ToList();

        var plot = new Plot();
        plot.Title("Incidents served within the standard, by region (* remote)");
        plot.XLabel("within standard (% of the region's incidents)");
        var height = Math.Max(400, 140 + (regions.Count * 26));
        if (regions.Count == 0)
        {
            ChartFiles.MarkEmpty(plot, "no incident in any region");
            return ChartFiles.Save(plot, directory, FileName, 1100, height);
        }

        var bars = new List<Bar>();
        var positions = new double[regions.Count];
        var labels = new string[regions.Count];
        for (var i = 0; i < regions.Count; i++)
        {
            // First region at the top, as in the table.
            var y = regions.Count - 1 - i;
            positions[i] = y;
            labels[i] = regions[i].Name + (regions[i].Remote ? " *" : "");
            bars.Add(new Bar { Position = y + 0.2, Value = Percent(scenario.GetValueOrDefault(regions[i].Region)), Size = 0.38, FillColor = ChartStyle.Scenario, LineWidth = 0 });
            bars.Add(new Bar { Position = y - 0.2, Value = Percent(baseline.GetValueOrDefault(regions[i].Region)), Size = 0.38, FillColor = ChartStyle.Baseline, LineWidth = 0 });
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual(positions, labels);
        plot.Axes.SetLimitsX(0, 105);
        ChartStyle.AddLegendEntry(plot, scenarioLabel, ChartStyle.Scenario);
        ChartStyle.AddLegendEntry(plot, baselineLabel, ChartStyle.Baseline);
        plot.ShowLegend(Alignment.LowerRight);
        return ChartFiles.Save(plot, directory, FileName, 1100, height);
    }

    private static double Percent(RegionKpis? region) => (region?.WithinStandardShare ?? 0) * 100;
}
