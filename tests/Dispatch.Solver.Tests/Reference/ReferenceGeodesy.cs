using Dispatch.Solver.Documents;
using NetTopologySuite.Geometries;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>Great-circle distance and point-in-polygon, written out plainly from
/// docs/dispatch-semantics.md "Travel time" and "Regions".</summary>
internal static class ReferenceGeodesy
{
    public const double EarthRadiusKm = 6371.0088;

    public static double HaversineKm(GeoPoint a, GeoPoint b)
    {
        var lat1 = ToRadians(a.Lat);
        var lat2 = ToRadians(b.Lat);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(b.Lon - a.Lon);
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var h = (sinLat * sinLat) + (Math.Cos(lat1) * Math.Cos(lat2) * sinLon * sinLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    /// <summary>Boundary counts as inside, hence Covers rather than Contains.</summary>
    public static bool IsInside(Geometry shape, GeoPoint point) => shape.Covers(new Point(point.Lon, point.Lat));

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
