namespace Dispatch.DemoNetwork.Generation;

/// <summary>Great-circle distance as docs/dispatch-semantics.md "Travel time" defines it (haversine, R = 6371.0088
/// km).</summary>
public static class Geodesy
{
    public const double EarthRadiusKm = 6371.0088;

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = DegToRad(lat2 - lat1);
        var dLon = DegToRad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
              + (Math.Cos(DegToRad(lat1)) * Math.Cos(DegToRad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double DegToRad(double deg) => deg * Math.PI / 180;
}
