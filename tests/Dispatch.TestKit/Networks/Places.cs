using System.Globalization;
using Dispatch.Solver.Documents;

namespace Dispatch.TestKit.Networks;

/// <summary>The little world the tests live in: two regions stacked north-south, and points placed by
/// kilometres along a meridian, where the great-circle distance is exactly the arc R * dLat.</summary>
public static class Places
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Region "R1": latitudes 20..30, longitudes 100..110.</summary>
    public static GeoJsonValue SouthRegionArea { get; } = Rect(20, 100, 30, 110);

    /// <summary>Region "R2": latitudes 30..40, longitudes 100..110.</summary>
    public static GeoJsonValue NorthRegionArea { get; } = Rect(30, 100, 40, 110);

    /// <summary>Where most incidents happen: in R1, 0.5 degrees (about 55.6 km) south of R2.</summary>
    public static GeoPoint Base { get; } = new(29.5, 105);

    /// <summary>A point in R2, about 55.6 km north of the border.</summary>
    public static GeoPoint NorthBase { get; } = new(30.5, 105);

    /// <summary>The middle of R1, far from its borders.</summary>
    public static GeoPoint MidSouth { get; } = new(25, 105);

    /// <summary>Outside every region of the test world.</summary>
    public static GeoPoint Nowhere { get; } = new(-10, 20);

    /// <summary>
    /// Site number <paramref name="slot"/> (0..71) of a grid in R1, one degree apart (more than 100 km), so that
    /// centers with a small service radius at different sites never serve each other's incidents.
    /// </summary>
    public static GeoPoint Site(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slot, 71);
        return new GeoPoint(21 + (slot / 8), 101 + (slot % 8));
    }

    /// <summary>The point <paramref name="km"/> kilometres north (negative: south) of <paramref name="from"/>
    /// on its meridian; the haversine distance between the two is <paramref name="km"/>.</summary>
    public static GeoPoint North(GeoPoint from, double km) => new(from.Lat + (km / EarthRadiusKm * 180.0 / Math.PI), from.Lon);

    public static GeoPoint South(GeoPoint from, double km) => North(from, -km);

    /// <summary>A closed, counter-clockwise rectangle as a GeoJSON Polygon.</summary>
    public static GeoJsonValue Rect(double minLat, double minLon, double maxLat, double maxLon) =>
        GeoJsonValue.FromJson(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"type\":\"Polygon\",\"coordinates\":[[[{minLon},{minLat}],[{maxLon},{minLat}],[{maxLon},{maxLat}],[{minLon},{maxLat}],[{minLon},{minLat}]]]}}"));

    /// <summary>A small square zone centred on a point, <paramref name="halfSideDeg"/> degrees each way.</summary>
    public static GeoJsonValue ZoneAround(GeoPoint centre, double halfSideDeg = 0.2) =>
        Rect(centre.Lat - halfSideDeg, centre.Lon - halfSideDeg, centre.Lat + halfSideDeg, centre.Lon + halfSideDeg);
}
