using System.Text;
using System.Text.Json.Nodes;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>Makes malformed and hostile variants of a valid JSON body.</summary>
internal static class HostileBodies
{
    private const string Placeholder = "\"@@raw@@\"";

    /// <summary>About one megabyte of text: over every field limit, under the 1 MiB body limit once quoted.</summary>
    public static string Megabyte { get; } = new('A', 1_000_000);

    /// <summary>The body with one change made to its JSON tree.</summary>
    public static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>The body with one member set to raw text that is not JSON, or not a JSON a serializer would write (NaN, 1e400).</summary>
    public static string Raw(string json, Func<JsonNode, JsonObject> parent, string member, string raw) =>
        Edit(json, n => parent(n)[member] = "@@raw@@").Replace(Placeholder, raw, StringComparison.Ordinal);

    /// <summary>Arrays nested <paramref name="depth"/> deep: past the parser's depth limit.</summary>
    public static string Nested(int depth) => new StringBuilder().Append('[', depth).Append(']', depth).ToString();

    /// <summary>A number literal with hundreds of digits.</summary>
    public static string HugeInteger { get; } = "1" + new string('0', 400);
}
