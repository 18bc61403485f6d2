using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>The one set of JSON options for documents: camelCase, nulls omitted, numbers strict.</summary>
public static class DocumentJson
{
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

    public static NetworkDocument ParseNetwork(string json) =>
        JsonSerializer.Deserialize<NetworkDocument>(json, Options) ?? throw new JsonException("The network document is null.");

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
