using Dispatch.Cli.Sweep;
using ScottPlot;

namespace Dispatch.Cli.Charts;

/// <summary><c>tradeoff</c>: what a sweep buys and costs, mean response against late share, one labelled point per
/// value, joined in value order, and the baseline as the reference point.</summary>
public static class TradeoffChart
{
    public const string FileName = "tradeoff";

    public static IReadOnlyList<string> Save(SweepResult sweep, string directory)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var plot = new Plot();
        plot.Title($"Trade-off over {sweep.Parameter}");
        plot.XLabel("late share (% of incidents not served within the standard)");
        plot.YLabel("mean response (min)");

        var points = sweep.Rows.Where(r => r.LateShare is not null && r.MeanResponseMin is not null).ToList();
        if (points.Count == 0 && sweep.Baseline.LateShare is null)
        {
            ChartFiles.MarkEmpty(plot, "no run served an incident");
            return ChartFiles.Save(plot, directory, FileName, 1000, 700);
        }

        if (points.Count > 0)
        {
            var line = plot.Add.Scatter(
                points.Select(p => p.LateShare!.Value * 100).ToArray(),
                points.Select(p => p.MeanResponseMin!.Value).ToArray(),
                ChartStyle.Scenario);
            line.LineWidth = 1;
            line.MarkerSize = 9;
            line.LegendText = $"{sweep.Policy}, {sweep.Parameter} = value";
            foreach (var point in points)
            {
                Label(plot, point.LateShare!.Value * 100, point.MeanResponseMin!.Value, point.Label, ChartStyle.Scenario);
            }
        }

        if (sweep.Baseline is { LateShare: { } late, MeanResponseMin: { } mean })
        {
            var marker = plot.Add.Marker(late * 100, mean, MarkerShape.FilledDiamond, 14, ChartStyle.Baseline);
            marker.LegendText = sweep.Baseline.Label;
            Label(plot, late * 100, mean, sweep.Baseline.Label, ChartStyle.Baseline);
        }

        plot.Axes.Margins(0.15, 0.15);
        plot.ShowLegend(Alignment.UpperRight);
        return ChartFiles.Save(plot, directory, FileName, 1000, 700);
    }

    private static void Label(Plot plot, double x, double y, string text, Color color)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontColor = color;
        label.LabelFontSize = 13;
        label.OffsetX = 8;
        label.OffsetY = -8;
    }
}
