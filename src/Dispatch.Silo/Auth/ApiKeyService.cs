using Dispatch.Grains.Auth;

namespace Dispatch.Silo.Auth;

/// <summary>Creates, lists and revokes API keys; keeps this silo's cache in step.</summary>
public sealed class ApiKeyService(IGrainFactory grains, ApiKeyCache cache, TimeProvider time)
{
    private IApiKeyRegistryGrain Registry => grains.GetGrain<IApiKeyRegistryGrain>(ApiKeyRegistry.GrainKey);

    /// <summary>Makes a key for the role; returns the record and the key itself, which is never stored.</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(string name, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ApiRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        while (true)
        {
            var (record, key) = NewKey(name, role);
            if (await Registry.AddAsync(record))
            {
                cache.Invalidate();
                return (record, key);
            }

            // Only an id collision can get here (64 random bits): draw again.
        }
    }

    /// <summary>Makes the first admin key when the registry is empty; null when keys exist already.</summary>
    public async Task<(ApiKeyRecord Record, string Key)?> CreateFirstAdminAsync()
    {
        var (record, key) = NewKey("admin (first start)", ApiRoles.Admin);
        if (!await Registry.AddIfEmptyAsync(record))
        {
            return null;
        }

        cache.Invalidate();
        return (record, key);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync() => Registry.ListAsync();

    public async Task<bool> RevokeAsync(string id)
    {
        var removed = await Registry.RemoveAsync(id);
        if (removed)
        {
            cache.Invalidate();
        }

        return removed;
    }

    private (ApiKeyRecord Record, string Key) NewKey(string name, string role)
    {
        var key = ApiKeySecret.NewKey();
        var record = new ApiKeyRecord(ApiKeySecret.NewId(), name, role, ApiKeySecret.Hash(key), time.GetUtcNow());
        return (record, key);
    }
}
