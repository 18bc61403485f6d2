namespace Dispatch.Solver.Geography;

/// <summary>Great-circle distance (docs/dispatch-semantics.md "Travel time").</summary>
public static class Haversine
{
    /// <summary>Mean Earth radius in km (IUGG), the value the contract fixes.</summary>
    public const double EarthRadiusKm = 6371.0088;

    private const double DegToRad = Math.PI / 180.0;

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
