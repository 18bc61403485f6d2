using ScottPlot;

namespace Dispatch.Cli.Charts;

/// <summary>Saves a chart as <c>NAME.png</c> (to look at) and <c>NAME.svg</c> (to put in a report), side by side.</summary>
public static class ChartFiles
{
    public static IReadOnlyList<string> Save(Plot plot, string directory, string name, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        Directory.CreateDirectory(directory);
        var png = Path.Combine(directory, name + ".png");
        var svg = Path.Combine(directory, name + ".svg");
        plot.SavePng(png, width, height);
        plot.SaveSvg(svg, width, height);
        return [png, svg];
    }

    /// <summary>Says so on the chart when a run had nothing to draw, rather than leaving an empty frame.</summary>
    public static void MarkEmpty(Plot plot, string what)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Add.Annotation($"no data: {what}", Alignment.MiddleCenter);
    }
}
