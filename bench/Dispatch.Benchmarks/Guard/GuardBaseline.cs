using System.Text.Json;

namespace Dispatch.Benchmarks.Guard;

/// <summary>The recorded ratios (guarded median / yardstick median) and where they were measured.</summary>
public sealed record GuardBaseline(string Machine, string RecordedAt, IReadOnlyDictionary<string, double> Ratios)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static GuardBaseline Read(string path) =>
        JsonSerializer.Deserialize<GuardBaseline>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no baseline.");

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + Environment.NewLine);
}
