using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>A WGS84 position in degrees as the API writes it: <c>{"lat": .., "lon": ..}</c>.</summary>
[JsonConverter(typeof(GeoPointConverter))]
public sealed record GeoPoint(double Lat, double Lon)
{
    /// <summary>Both coordinates finite and in range; the converter reads any finite numbers, the validators check this.</summary>
    [JsonIgnore]
    public bool IsValid => IsLatitude(Lat) && IsLongitude(Lon);

    /// <summary>A finite latitude from -90 to 90 degrees.</summary>
    public static bool IsLatitude(double lat) => double.IsFinite(lat) && lat is >= -90 and <= 90;

    /// <summary>A finite longitude from -180 to 180 degrees.</summary>
    public static bool IsLongitude(double lon) => double.IsFinite(lon) && lon is >= -180 and <= 180;
}

/// <summary>Reads a position only when both coordinates are there: a missing one is an error, never 0.</summary>
public sealed class GeoPointConverter : JsonConverter<GeoPoint>
{
    /// <inheritdoc />
    public override GeoPoint? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a position must be an object {\"lat\": .., \"lon\": ..}");
        }

        double? lat = null;
        double? lon = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "lat", StringComparison.OrdinalIgnoreCase))
            {
                lat = ReadNumber(ref reader, "lat");
            }
            else if (string.Equals(name, "lon", StringComparison.OrdinalIgnoreCase))
            {
                lon = ReadNumber(ref reader, "lon");
            }
            else
            {
                reader.Skip();
            }
        }

        return lat is { } a && lon is { } o
            ? new GeoPoint(a, o)
            : throw new JsonException($"a position needs both \"lat\" and \"lon\" (missing \"{(lat is null ? "lat" : "lon")}\")");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GeoPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("lat", value.Lat);
        writer.WriteNumber("lon", value.Lon);
        writer.WriteEndObject();
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new JsonException($"\"{name}\" must be a number of degrees");
}
