using System.Globalization;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>
/// The small world of the hand-made networks: region R1 (lat 20..30, lon 100..110) and R2 north of it
/// (lat 30..40). Along a meridian the great-circle distance is exactly R * dLat, so expected ETAs are easy.
/// </summary>
internal static class TestPlaces
{
    public const double EarthRadiusKm = 6371.0088;

    public static GeoJsonValue SouthArea { get; } = Rect(20, 100, 30, 110);

    public static GeoJsonValue NorthArea { get; } = Rect(30, 100, 40, 110);

    /// <summary>Outside every region.</summary>
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

    /// <summary>The point <paramref name="km"/> kilometres north of <paramref name="from"/> on its meridian.</summary>
    public static GeoPoint North(GeoPoint from, double km) => new(from.Lat + (km / EarthRadiusKm * 180.0 / Math.PI), from.Lon);

    /// <summary>A closed, counter-clockwise rectangle as a GeoJSON Polygon.</summary>
    public static GeoJsonValue Rect(double minLat, double minLon, double maxLat, double maxLon) =>
        GeoJsonValue.FromJson(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"type\":\"Polygon\",\"coordinates\":[[[{minLon},{minLat}],[{maxLon},{minLat}],[{maxLon},{maxLat}],[{minLon},{maxLat}],[{minLon},{minLat}]]]}}"));
}
