using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Export;

/// <summary>Writes a geometry on one line even in an indented document; indented coordinates would put
/// every number on its own line and triple the file.</summary>
public sealed class CompactGeoJsonValueConverter : JsonConverter<GeoJsonValue>
{
    public override GeoJsonValue? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return new GeoJsonValue(doc.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, GeoJsonValue value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: false);
}
