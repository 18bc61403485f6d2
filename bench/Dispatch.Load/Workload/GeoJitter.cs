namespace Dispatch.Load.Workload;

/// <summary>Moves a point a given distance along a bearing on the sphere (the Earth radius of
/// docs/dispatch-semantics.md "Travel time").</summary>
public static class GeoJitter
{
    public const double EarthRadiusKm = 6371.0088;

    public static Coordinates Move(Coordinates from, double distanceKm, double bearingRadians)
    {
        var angular = distanceKm / EarthRadiusKm;
        var lat1 = double.DegreesToRadians(from.Lat);
        var lon1 = double.DegreesToRadians(from.Lon);
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(angular)) + (Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearingRadians)));
        var lon2 = lon1 + Math.Atan2(
            Math.Sin(bearingRadians) * Math.Sin(angular) * Math.Cos(lat1),
            Math.Cos(angular) - (Math.Sin(lat1) * Math.Sin(lat2)));
        var lon = double.RadiansToDegrees(lon2);
        lon = ((lon + 540) % 360) - 180;
        return new Coordinates(Math.Round(double.RadiansToDegrees(lat2), 6), Math.Round(lon, 6));
    }

    /// <summary>A point uniformly spread over the disc of <paramref name="radiusKm"/> around <paramref name="center"/>.</summary>
    public static Coordinates Within(Coordinates center, double radiusKm, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var distance = radiusKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        return Move(center, distance, bearing);
    }

    public static double HaversineKm(Coordinates a, Coordinates b)
    {
        var dLat = double.DegreesToRadians(b.Lat - a.Lat);
        var dLon = double.DegreesToRadians(b.Lon - a.Lon);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(a.Lat)) * Math.Cos(double.DegreesToRadians(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
