using Dispatch.Solver.Documents;
using Dispatch.Solver.Tests.Reference;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>An axis-aligned rectangle or a triangle, as generated regions and zones are; it can sample its inside.</summary>
internal sealed record RandomShape(IReadOnlyList<(double Lon, double Lat)> Corners)
{
    public static RandomShape Next(Random random, double minLon, double minLat, double maxLon, double maxLat)
    {
        var width = 0.6 + (random.NextDouble() * 2.4);
        var height = 0.6 + (random.NextDouble() * 2.0);
        var lon = Math.Round(minLon + (random.NextDouble() * (maxLon - minLon - width)), 3);
        var lat = Math.Round(minLat + (random.NextDouble() * (maxLat - minLat - height)), 3);
        var east = Math.Round(lon + width, 3);
        var north = Math.Round(lat + height, 3);
        if (random.Next(3) == 0)
        {
            var apex = Math.Round(lon + (random.NextDouble() * width), 3);
            return new RandomShape([(lon, lat), (east, lat), (apex, north)]);
        }

        return new RandomShape([(lon, lat), (east, lat), (east, north), (lon, north)]);
    }

    public GeoJsonValue ToGeoJson() => GeoJsonShapes.Polygon([.. Corners]);

    /// <summary>A point strictly inside (with probability 1).</summary>
    public GeoPoint SamplePoint(Random random)
    {
        if (Corners.Count == 4)
        {
            var (west, south) = Corners[0];
            var (east, north) = Corners[2];
            return new GeoPoint(south + (random.NextDouble() * (north - south)), west + (random.NextDouble() * (east - west)));
        }

        // Uniform in a triangle: fold the unit square onto it.
        var a = random.NextDouble();
        var b = random.NextDouble();
        if (a + b > 1)
        {
            (a, b) = (1 - a, 1 - b);
        }

        var (x0, y0) = Corners[0];
        var (x1, y1) = Corners[1];
        var (x2, y2) = Corners[2];
        return new GeoPoint(y0 + (a * (y1 - y0)) + (b * (y2 - y0)), x0 + (a * (x1 - x0)) + (b * (x2 - x0)));
    }
}
