using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>A GeoJSON geometry kept as its raw JSON text.</summary>
/// <remarks>Kept raw so that documents stay plain data (serializable by any host) and geometry types stay
/// inside the Solver, which parses the text when it compiles or validates a network.</remarks>
[JsonConverter(typeof(GeoJsonValueConverter))]
public sealed record GeoJsonValue(string Json)
{
    /// <summary>Wraps GeoJSON text as is; it is parsed and checked only when a network is validated.</summary>
    public static GeoJsonValue FromJson(string json) => new(json);
}

/// <summary>Reads any JSON value into a <see cref="GeoJsonValue"/> as raw text and writes it back unchanged.</summary>
public sealed class GeoJsonValueConverter : JsonConverter<GeoJsonValue>
{
    /// <inheritdoc />
    public override GeoJsonValue? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var doc = JsonDocument.ParseValue(ref reader);
        return new GeoJsonValue(doc.RootElement.GetRawText());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GeoJsonValue value, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.Parse(value.Json);
        doc.RootElement.WriteTo(writer);
    }
}
