using System.Globalization;
using Dispatch.Solver.Simulation;
using ScottPlot;

namespace Dispatch.Cli.Charts;

/// <summary><c>response-times</c>: how long served incidents waited for a unit, both runs as bars side by side in each bin.</summary>
public static class ResponseTimeChart
{
    public const string FileName = "response-times";

    public static IReadOnlyList<string> Save(ScenarioOutcome outcome, string directory, string scenarioLabel, string baselineLabel)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var plot = new Plot();
        plot.Title("Response time of served incidents");
        plot.XLabel("response time (min)");
        plot.YLabel("incidents");

        var (scenario, baseline) = (outcome.Scenario.ResponseHistogram, outcome.Baseline.ResponseHistogram);
        var binMin = scenario.BinMin > 0 ? scenario.BinMin : baseline.BinMin;
        // Trailing empty bins would only stretch the axis.
        var bins = Math.Max(LastNonEmpty(scenario.Counts), LastNonEmpty(baseline.Counts)) + 1;
        if (binMin <= 0 || bins == 0)
        {
            ChartFiles.MarkEmpty(plot, "no incident was served");
            return ChartFiles.Save(plot, directory, FileName, 1200, 700);
        }

        var bars = new List<Bar>();
        for (var i = 0; i < bins; i++)
        {
            var start = i * binMin;
            bars.Add(new Bar { Position = start + (binMin * 0.3), Value = CountAt(scenario, i), Size = binMin * 0.4, FillColor = ChartStyle.Scenario, LineWidth = 0 });
            bars.Add(new Bar { Position = start + (binMin * 0.7), Value = CountAt(baseline, i), Size = binMin * 0.4, FillColor = ChartStyle.Baseline, LineWidth = 0 });
        }

        plot.Add.Bars(bars);
        ChartStyle.AddLegendEntry(plot, scenarioLabel, ChartStyle.Scenario);
        ChartStyle.AddLegendEntry(plot, baselineLabel, ChartStyle.Baseline);
        plot.ShowLegend(Alignment.UpperRight);
        if (bins >= Math.Max(scenario.Counts.Count, baseline.Counts.Count))
        {
            // The simulator's last bin holds every response beyond it.
            var last = ((bins - 1) * binMin).ToString("0.#", CultureInfo.InvariantCulture);
            plot.Title($"Response time of served incidents (last bin: {last} min and more)");
        }

        plot.Axes.Margins(bottom: 0);
        return ChartFiles.Save(plot, directory, FileName, 1200, 700);
    }

    private static int LastNonEmpty(IReadOnlyList<int> counts)
    {
        for (var i = counts.Count - 1; i >= 0; i--)
        {
            if (counts[i] > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountAt(ResponseHistogram histogram, int index) =>
        index < histogram.Counts.Count ? histogram.Counts[index] : 0;
}
