using ScottPlot;

namespace Dispatch.Cli.Charts;

/// <summary>One look for every chart: the scenario in blue, the baseline in orange, everywhere.</summary>
public static class ChartStyle
{
    public static Color Scenario { get; } = Color.FromHex("#1f77b4");
    public static Color Baseline { get; } = Color.FromHex("#ff7f0e");

    /// <summary>Colours for series that are not simply scenario or baseline (coverage class and scope).</summary>
    public static IReadOnlyList<Color> Series { get; } =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"), Color.FromHex("#d62728"),
        Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"), Color.FromHex("#bcbd22"),
    ];

    public static void AddLegendEntry(Plot plot, string text, Color color)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color });
    }
}
