using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>A WGS84 position in degrees as the API writes it: <c>{"lat": .., "lon": ..}</c>.</summary>
public sealed record GeoPoint(double Lat, double Lon)
{
    [JsonIgnore]
    public bool IsValid => double.IsFinite(Lat) && double.IsFinite(Lon) && Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180;
}
