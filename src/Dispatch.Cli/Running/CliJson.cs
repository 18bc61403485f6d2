using System.Text.Json;

namespace Dispatch.Cli.Running;

/// <summary>JSON for what the CLI reads from the API and writes to files: camelCase, indented, nulls kept
/// (a statistic over no values is null, and a reader should see that it is).</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
