namespace Dispatch.Solver.Geography;

/// <summary>Great-circle distance (docs/dispatch-semantics.md "Travel time").</summary>
public static class Haversine
{
    /// <summary>Mean Earth radius in km (IUGG), the value the contract fixes.</summary>
    public const double EarthRadiusKm = 6371.0088;

    private const double DegToRad = Math.PI / 180.0;

    /// <summary>Distance in km between two points given in degrees, on a sphere of <see cref="EarthRadiusKm"/>.</summary>
    /// <param name="lat1">Latitude of the first point, degrees.</param>
    /// <param name="lon1">Longitude of the first point, degrees.</param>
    /// <param name="lat2">Latitude of the second point, degrees.</param>
    /// <param name="lon2">Longitude of the second point, degrees.</param>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * DegToRad;
        var dLon = (lon2 - lon1) * DegToRad;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var a = (sinLat * sinLat) + (Math.Cos(lat1 * DegToRad) * Math.Cos(lat2 * DegToRad) * sinLon * sinLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, a)));
    }
}
