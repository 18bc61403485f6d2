namespace Dispatch.Grains.Auth;

/// <summary>An API key as stored: never the key itself, only its SHA-256 hash.</summary>
[GenerateSerializer, Immutable]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string KeyHash,
    [property: Id(4)] DateTimeOffset CreatedAt);
