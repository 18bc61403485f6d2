namespace Dispatch.Grains.Networks;

/// <summary>The network document last accepted, as JSON text, and its version (0: none yet).</summary>
[GenerateSerializer]
public sealed class NetworkState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public string? DocumentJson { get; set; }
}
