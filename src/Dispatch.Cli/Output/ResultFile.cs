using System.Text;
using System.Text.Json;
using Dispatch.Cli.Running;

namespace Dispatch.Cli.Output;

/// <summary>Writes <c>result.json</c>: the whole answer of the run, as <c>GET /v1/scenarios/{id}</c> gives it.</summary>
public static class ResultFile
{
    public const string Name = "result.json";

    public static string Write(ScenarioRunResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Name);
        File.WriteAllText(path, result.Answer.ToJsonString(CliJson.Options), new UTF8Encoding(false));
        return path;
    }
}
