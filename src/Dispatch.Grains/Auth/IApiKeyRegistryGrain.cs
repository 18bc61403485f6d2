namespace Dispatch.Grains.Auth;

/// <summary>
/// The one registry of API keys (key <see cref="ApiKeyRegistry.GrainKey"/>). It only ever sees
/// hashes; the silo makes the key, shows it once, and hands the hash over.
/// </summary>
public interface IApiKeyRegistryGrain : IGrainWithStringKey
{
    /// <summary>All keys, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync();

    /// <summary>Stores a new key record; false when its id or hash is already taken.</summary>
    Task<bool> AddAsync(ApiKeyRecord record);

    /// <summary>Adds the record only while the registry is empty (first start); false otherwise.</summary>
    Task<bool> AddIfEmptyAsync(ApiKeyRecord record);

    /// <summary>Removes a key; false when no key has that id.</summary>
    Task<bool> RemoveAsync(string id);

    /// <summary>A counter that moves on every change, so caches can tell they are stale.</summary>
    Task<long> GetRevisionAsync();
}

public static class ApiKeyRegistry
{
    public const string GrainKey = "default";
}
