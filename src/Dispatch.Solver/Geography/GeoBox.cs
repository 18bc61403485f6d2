using NetTopologySuite.Geometries;

namespace Dispatch.Solver.Geography;

/// <summary>A lon/lat envelope that contains every point within a great-circle radius of a centre.</summary>
internal static class GeoBox
{
    private const double RadToDeg = 180.0 / Math.PI;

    // Widened a little so that rounding never leaves a point at exactly the radius outside the box.
    private const double MarginDeg = 1e-6;

    public static Envelope Around(double lat, double lon, double radiusKm)
    {
        var delta = radiusKm / Haversine.EarthRadiusKm;
        if (delta >= Math.PI)
        {
            return new Envelope(-180, 180, -90, 90);
        }

        var dLat = (delta * RadToDeg * 1.000001) + MarginDeg;
        var minLat = lat - dLat;
        var maxLat = lat + dLat;
        if (minLat <= -90 || maxLat >= 90)
        {
            return new Envelope(-180, 180, Math.Max(-90, minLat), Math.Min(90, maxLat));
        }

        // Longitude extent of a spherical cap: asin(sin δ / cos φ).
        var ratio = Math.Sin(delta) / Math.Cos(lat * Math.PI / 180.0);
        if (ratio >= 1)
        {
            return new Envelope(-180, 180, minLat, maxLat);
        }

        var dLon = (Math.Asin(ratio) * RadToDeg * 1.000001) + MarginDeg;
        var minLon = lon - dLon;
        var maxLon = lon + dLon;
        if (minLon < -180 || maxLon > 180)
        {
            return new Envelope(-180, 180, minLat, maxLat);
        }

        return new Envelope(minLon, maxLon, minLat, maxLat);
    }
}
