using System.Globalization;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Networks;

/// <summary>The test world: one region, and points placed by kilometres along a meridian, where the great-circle
/// distance is exactly the arc R * dLat (so, with 60 km/h and circuity 1, minutes equal kilometres).</summary>
public static class Places
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Region "R1": latitudes 20..30, longitudes 100..110.</summary>
    public static GeoJsonValue RegionArea { get; } = Rect(20, 100, 30, 110);

    /// <summary>Where incidents happen, inside R1.</summary>
    public static GeoPoint Base { get; } = new(25, 105);

    /// <summary>Outside every region.</summary>
    public static GeoPoint Nowhere { get; } = new(-10, 20);

    public static GeoPoint North(GeoPoint from, double km) => new(from.Lat + (km / EarthRadiusKm * 180.0 / Math.PI), from.Lon);

    private static GeoJsonValue Rect(double minLat, double minLon, double maxLat, double maxLon) =>
        GeoJsonValue.FromJson(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"type\":\"Polygon\",\"coordinates\":[[[{minLon},{minLat}],[{maxLon},{minLat}],[{maxLon},{maxLat}],[{minLon},{maxLat}],[{minLon},{minLat}]]]}}"));
}
