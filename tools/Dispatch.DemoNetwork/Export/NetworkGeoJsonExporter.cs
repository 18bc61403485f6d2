using System.Globalization;
using Dispatch.DemoNetwork.Generation;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Export;

/// <summary>The demo network as one GeoJSON FeatureCollection for QGIS or geojson.io: rule zones, centers,
/// units and demand points, each with a <c>layer</c> property and simplestyle colours.</summary>
public static class NetworkGeoJsonExporter
{
    public const string DirectColor = "#1f5fbf";
    public const string PartnerColor = "#e07b00";
    public const string DemandColor = "#7f7f7f";
    public const string ZoneColor = "#d62728";

    public static string Export(NetworkDocument network)
    {
        var collection = new FeatureCollectionWriter();
        foreach (var rule in network.Rules ?? [])
        {
            if (rule.Zone is null)
            {
                continue;
            }

            collection.Add(rule.Zone.Json, w =>
            {
                w.WriteString("layer", "rule_zone");
                w.WriteString("id", rule.Id);
                w.WriteString("kind", rule.Kind);
                w.WriteString("types", string.Join(",", rule.Types ?? []));
                if (rule.Window is { } window)
                {
                    w.WriteString("window", $"{window.Start}-{window.End} {window.Tz}");
                }

                w.WriteString("description", rule.Description);
                w.WriteString("fill", ZoneColor);
                w.WriteNumber("fill-opacity", 0.25);
                w.WriteString("stroke", ZoneColor);
            });
        }

        foreach (var center in network.Centers ?? [])
        {
            var color = center.Kind == "partner" ? PartnerColor : DirectColor;
            var location = center.Location!;
            collection.Add(PointJson(location), w =>
            {
                w.WriteString("layer", "center");
                w.WriteString("id", center.Id);
                w.WriteString("name", center.Name);
                w.WriteString("kind", center.Kind);
                w.WriteNumber("serviceRadiusKm", center.ServiceRadiusKm ?? 0);
                w.WriteNumber("units", center.Resources?.Count ?? 0);
                w.WriteString("marker-color", color);
                w.WriteString("marker-size", center.Kind == "partner" ? "small" : "medium");
            });

            foreach (var resource in center.Resources ?? [])
            {
                collection.Add(PointJson(resource.Position ?? location), w =>
                {
                    w.WriteString("layer", "unit");
                    w.WriteString("id", resource.Id);
                    w.WriteString("type", resource.Type);
                    w.WriteString("status", resource.Status);
                    w.WriteString("centerId", center.Id);
                    w.WriteString("centerKind", center.Kind);
                    w.WriteString("marker-color", color);
                    w.WriteString("marker-size", "small");
                });
            }
        }

        foreach (var demand in network.DemandPoints ?? [])
        {
            collection.Add(PointJson(demand.Location!), w =>
            {
                w.WriteString("layer", "demand_point");
                w.WriteString("id", demand.Id);
                w.WriteNumber("weight", demand.Weight ?? 0);
                w.WriteString("marker-color", DemandColor);
                w.WriteString("marker-size", "small");
            });
        }

        return collection.ToString();
    }

    private static string PointJson(GeoPoint p) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{p.Lon:R},{p.Lat:R}]}}");
}
