using System.Text.Json.Nodes;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>JSON text with object members sorted, so that two answers compare equal when they mean the same;
/// array order is kept because it carries meaning (ranking, timeline).</summary>
internal static class CanonicalJson
{
    public static string Of(string json, params string[] dropMembers) => Sorted(JsonNode.Parse(json), dropMembers)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node, string[] drop) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => !drop.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value, drop)))),
        JsonArray array => new JsonArray([.. array.Select(n => Sorted(n, drop))]),
        null => null,
        _ => node.DeepClone(),
    };
}
