using System.Globalization;
using System.Text;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>GeoJSON text for the simple shapes test networks use.</summary>
internal static class GeoJsonShapes
{
    public static GeoJsonValue Rectangle(double minLon, double minLat, double maxLon, double maxLat) =>
        Polygon((minLon, minLat), (maxLon, minLat), (maxLon, maxLat), (minLon, maxLat));

    /// <summary>A polygon from its corners (lon, lat) in counter-clockwise order; the ring is closed here.</summary>
    public static GeoJsonValue Polygon(params (double Lon, double Lat)[] corners)
    {
        var text = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        foreach (var (lon, lat) in corners.Append(corners[0]))
        {
            text.Append(CultureInfo.InvariantCulture, $"[{lon:R},{lat:R}],");
        }

        text.Length--;
        text.Append("]]}");
        return new GeoJsonValue(text.ToString());
    }
}
