using Dispatch.DemoNetwork.Geography;
using Dispatch.Solver.Documents;
using NetTopologySuite.Geometries;
using ScottPlot;

namespace Dispatch.DemoNetwork.Export;

/// <summary>Draws the demo network on a plain lon/lat map: regions, rule zones, demand, centers.</summary>
/// <remarks>The PNG is an illustration for the README; unlike the JSON files it is not compared byte for
/// byte, since text rendering depends on the fonts of the machine.</remarks>
public static class NetworkMapRenderer
{
    public static void Render(IReadOnlyList<RegionShape> regions, NetworkDocument network, string pngPath)
    {
        var plot = new Plot();
        plot.Title("Dispatch demo network: service centers, partners, demand, rule zones");
        plot.XLabel("longitude (°E)");
        plot.YLabel("latitude (°N)");

        foreach (var region in regions)
        {
            var fill = region.IsMainland
                ? (regionRemote(region) ? Color.FromHex("#efe3c8") : Color.FromHex("#f2f2f2"))
                : Color.FromHex("#fafafa");
            foreach (var ring in Shells(region.Geometry))
            {
                var polygon = plot.Add.Polygon(ring);
                polygon.FillColor = fill;
                polygon.LineColor = Color.FromHex("#9a9a9a");
                polygon.LineWidth = 0.6f;
            }
        }

        foreach (var rule in network.Rules ?? [])
        {
            if (rule.Zone is null)
            {
                continue;
            }

            var zone = ReadPolygon(rule.Zone);
            var polygon = plot.Add.Polygon(Shells(zone).First());
            polygon.FillColor = Color.FromHex(NetworkGeoJsonExporter.ZoneColor).WithAlpha(0.35);
            polygon.LineColor = Color.FromHex(NetworkGeoJsonExporter.ZoneColor);
            polygon.LineWidth = 1.2f;
            polygon.LegendText = "rule zone: " + rule.Id;
        }

        var demand = network.DemandPoints ?? [];
        var demandMarkers = plot.Add.Markers(
            demand.Select(d => d.Location!.Lon).ToArray(),
            demand.Select(d => d.Location!.Lat).ToArray(),
            MarkerShape.FilledCircle, 2.5f, Color.FromHex(NetworkGeoJsonExporter.DemandColor).WithAlpha(0.6));
        demandMarkers.LegendText = $"demand points ({demand.Count})";

        AddCenters(plot, network, "partner", NetworkGeoJsonExporter.PartnerColor, MarkerShape.FilledTriangleUp, 6f);
        AddCenters(plot, network, "direct", NetworkGeoJsonExporter.DirectColor, MarkerShape.FilledSquare, 6f);

        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(pngPath, 1600, 1200);

        static bool regionRemote(RegionShape r) => Generation.RegionProfiles.For(r.Adcode).Remote;
    }

    private static void AddCenters(Plot plot, NetworkDocument network, string kind, string color, MarkerShape shape, float size)
    {
        var centers = (network.Centers ?? []).Where(c => c.Kind == kind).ToList();
        var markers = plot.Add.Markers(
            centers.Select(c => c.Location!.Lon).ToArray(),
            centers.Select(c => c.Location!.Lat).ToArray(),
            shape, size, Color.FromHex(color));
        var units = centers.Sum(c => c.Resources?.Count ?? 0);
        markers.LegendText = $"{kind} centers ({centers.Count}, {units} units)";
    }

    private static IEnumerable<ScottPlot.Coordinates[]> Shells(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                yield return polygon.Shell.Coordinates.Select(c => new ScottPlot.Coordinates(c.X, c.Y)).ToArray();
            }
        }
    }

    private static Polygon ReadPolygon(GeoJsonValue value)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(value.Json);
        var ring = doc.RootElement.GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble()))
            .ToArray();
        return GeometryFactories.Wgs84.CreatePolygon(ring);
    }
}
