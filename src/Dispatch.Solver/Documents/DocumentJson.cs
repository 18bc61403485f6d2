using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>The one set of JSON options for documents: camelCase, nulls omitted, numbers strict.</summary>
public static class DocumentJson
{
    /// <summary>Read-only options shared by every reader and writer of documents, so the wire format is one.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new FiniteNumberConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a network document (not yet validated); throws <see cref="JsonException"/> on bad JSON or a null document.</summary>
    public static NetworkDocument ParseNetwork(string json) =>
        JsonSerializer.Deserialize<NetworkDocument>(json, Options) ?? throw new JsonException("The network document is null.");

    /// <summary>Writes any document with <see cref="Options"/>.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
