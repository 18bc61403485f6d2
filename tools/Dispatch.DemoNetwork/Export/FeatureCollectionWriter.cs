using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dispatch.DemoNetwork.Export;

/// <summary>Writes a GeoJSON FeatureCollection with one feature per line: small diffs, stable bytes.</summary>
public sealed class FeatureCollectionWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<string> features = [];

    /// <summary>Adds a feature; <paramref name="writeProperties"/> writes inside the properties object.</summary>
    public void Add(string geometryJson, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteStartObject("properties");
            writeProperties(writer);
            writer.WriteEndObject();
            writer.WritePropertyName("geometry");
            writer.WriteRawValue(geometryJson);
            writer.WriteEndObject();
        }

        features.Add(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public override string ToString() =>
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}\n";
}
