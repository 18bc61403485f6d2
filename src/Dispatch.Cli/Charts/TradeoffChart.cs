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

        FitWithRoom(plot, points, sweep.Baseline);
        plot.ShowLegend(Edge.Bottom);
        return ChartFiles.Save(plot, directory, FileName, 1000, 700);
    }

    // Explicit limits with a margin, so that labels right of the outermost points stay on the chart.
    private static void FitWithRoom(Plot plot, IReadOnlyList<SweepRow> points, SweepRow baseline)
    {
        var all = points.Append(baseline).Where(r => r.LateShare is not null && r.MeanResponseMin is not null).ToList();
        var xs = all.Select(r => r.LateShare!.Value * 100).ToList();
        var ys = all.Select(r => r.MeanResponseMin!.Value).ToList();
        var (xSpan, ySpan) = (Math.Max(xs.Max() - xs.Min(), 0.5), Math.Max(ys.Max() - ys.Min(), 0.5));
        plot.Axes.SetLimits(xs.Min() - (0.1 * xSpan), xs.Max() + (0.25 * xSpan), ys.Min() - (0.1 * ySpan), ys.Max() + (0.15 * ySpan));
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
