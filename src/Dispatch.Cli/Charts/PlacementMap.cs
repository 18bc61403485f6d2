using System.Text.Json;
using Dispatch.Cli.Planning;
using Dispatch.Solver.Documents;
using ScottPlot;

namespace Dispatch.Cli.Charts;

/// <summary><c>map.png</c>: the regions' outlines, each demand point as a dot sized by its weight and coloured by the
/// chosen site that serves it, a line from each point to its site, and the chosen sites as large labelled markers.
/// Longitude across, latitude up (plate carrée).</summary>
public static class PlacementMap
{
    public const string FileName = "map.png";
    private const int MaxLabels = 40;
    private static readonly Color Outline = Color.FromHex("#9e9e9e");
    private static readonly Color Unlinked = Color.FromHex("#7f7f7f");

    /// <returns>The file written, or null when no chosen site has a known place (nothing to draw).</returns>
    public static string? Save(PlanOutcome outcome, string directory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var places = outcome.Places;
        var sites = outcome.Answer.Sites.Select(id => (Id: id, At: places.Site(id))).Where(s => s.At is not null).ToList();
        if (sites.Count == 0)
        {
            return null;
        }

        var colours = new Dictionary<string, Color>(StringComparer.Ordinal);
        for (var i = 0; i < outcome.Answer.Sites.Count; i++)
        {
            colours.TryAdd(outcome.Answer.Sites[i], ChartStyle.Series[i % ChartStyle.Series.Count]);
        }

        var plot = new Plot();
        plot.Title($"{(outcome.Model == Solver.Placement.PlacementModel.Mclp ? "Maximal covering" : "p-median")}: "
            + $"{outcome.Answer.Sites.Count} site{(outcome.Answer.Sites.Count == 1 ? "" : "s")}"
            + (outcome.Request?.ResourceType is { } type ? $" for {type}" : ""));
        plot.XLabel("longitude (°)");
        plot.YLabel("latitude (°)");
        DrawRegions(plot, outcome.Network);

        var assignments = outcome.Assignments ?? [];
        var maxWeight = assignments.Count == 0 ? 1 : Math.Max(assignments.Max(a => a.Weight), 1e-9);
        foreach (var a in assignments)
        {
            if (places.Demand(a.DemandId) is not { } from)
            {
                continue;
            }

            var colour = a.SiteId is not null ? colours[a.SiteId] : Unlinked;
            if (a.SiteId is not null && places.Site(a.SiteId) is { } to)
            {
                var line = plot.Add.Line(from.Lon, from.Lat, to.Lon, to.Lat);
                line.LineColor = colour.WithAlpha(0.35);
                line.LineWidth = 1;
                line.MarkerSize = 0;
            }

            var size = 3 + (14 * (float)Math.Sqrt(Math.Max(a.Weight, 0) / maxWeight));
            // mclp: a point outside its standard of every open site (and not covered today) is drawn hollow.
            var shape = a.Covered == false ? MarkerShape.OpenCircle : MarkerShape.FilledCircle;
            plot.Add.Marker(from.Lon, from.Lat, shape, size, colour.WithAlpha(0.8));
        }

        foreach (var (id, at) in sites)
        {
            plot.Add.Marker(at!.Lon, at.Lat, MarkerShape.FilledSquare, 20, Colors.Black);
            plot.Add.Marker(at.Lon, at.Lat, MarkerShape.FilledSquare, 14, colours[id]);
            if (sites.Count <= MaxLabels)
            {
                var label = plot.Add.Text(id, at.Lon, at.Lat);
                label.LabelFontSize = 13;
                label.LabelBold = true;
                label.LabelOffsetX = 12;
                label.LabelOffsetY = -12;
            }
        }

        ChartStyle.AddLegendEntry(plot, "chosen site (square)", Colors.Black);
        ChartStyle.AddLegendEntry(plot, "demand point, sized by weight, coloured by its site", ChartStyle.Series[0]);
        if (assignments.Any(a => a.Covered == false))
        {
            ChartStyle.AddLegendEntry(plot, "hollow: not covered within its standard", Unlinked);
        }

        if (assignments.Any(a => a.SiteId is null))
        {
            ChartStyle.AddLegendEntry(plot, "demand today's units reach sooner", Unlinked);
        }

        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, directory);
    }

    private static string Save(Plot plot, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        plot.SavePng(path, 1200, 900);
        return path;
    }

    private static void DrawRegions(Plot plot, NetworkDocument? network)
    {
        foreach (var region in network?.Regions ?? [])
        {
            if (region?.Geometry is not { } geometry)
            {
                continue;
            }

            foreach (var ring in Rings(geometry))
            {
                var outline = plot.Add.ScatterLine(ring.Select(p => p.Lon).ToArray(), ring.Select(p => p.Lat).ToArray(), Outline);
                outline.LineWidth = 1;
            }
        }
    }

    /// <summary>The rings of a GeoJSON Polygon or MultiPolygon; anything else draws nothing.</summary>
    internal static IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings(GeoJsonValue geometry)
    {
        var rings = new List<IReadOnlyList<(double Lon, double Lat)>>();
        try
        {
            using var document = JsonDocument.Parse(geometry.Json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || !root.TryGetProperty("coordinates", out var coordinates)
                || coordinates.ValueKind != JsonValueKind.Array)
            {
                return rings;
            }

            switch (type.GetString())
            {
                case "Polygon":
                    AddPolygon(rings, coordinates);
                    break;
                case "MultiPolygon":
                    foreach (var polygon in coordinates.EnumerateArray())
                    {
                        AddPolygon(rings, polygon);
                    }

                    break;
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            // A region the chart cannot read is left out of the picture; the plan does not depend on it.
        }

        return rings;
    }

    private static void AddPolygon(List<IReadOnlyList<(double Lon, double Lat)>> rings, JsonElement polygon)
    {
        if (polygon.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var points = ring.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() >= 2)
                .Select(p => (p[0].GetDouble(), p[1].GetDouble()))
                .ToList();
            if (points.Count >= 2)
            {
                rings.Add(points);
            }
        }
    }
}
