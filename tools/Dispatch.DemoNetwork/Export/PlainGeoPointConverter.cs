using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Export;

/// <summary>Writes a point as exactly <c>{"lat": .., "lon": ..}</c> (docs/api.md "Conventions"); the record's computed
/// <c>IsValid</c> would otherwise be written into every location of the file.</summary>
public sealed class PlainGeoPointConverter : JsonConverter<GeoPoint>
{
    public override GeoPoint? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return new GeoPoint(doc.RootElement.GetProperty("lat").GetDouble(), doc.RootElement.GetProperty("lon").GetDouble());
    }

    public override void Write(Utf8JsonWriter writer, GeoPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("lat", value.Lat);
        writer.WriteNumber("lon", value.Lon);
        writer.WriteEndObject();
    }
}
