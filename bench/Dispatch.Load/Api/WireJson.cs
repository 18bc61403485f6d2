using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Load.Api;

/// <summary>JSON options of the wire: camelCase, nulls omitted (as docs/api.md "Conventions" writes its
/// bodies).</summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
