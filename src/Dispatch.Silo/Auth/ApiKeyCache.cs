using System.Collections.Frozen;
using Dispatch.Grains.Auth;
using Dispatch.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Auth;

/// <summary>
/// The silo's copy of the key registry, by hash, so that authenticating a request costs a
/// dictionary lookup rather than a grain call. Changes made through this silo drop the copy at
/// once; changes made through another silo are picked up when the copy expires.
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, TimeProvider time, IOptions<ApiKeyCacheOptions> options) : IDisposable
{
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(options.Value.CacheSeconds);
    private readonly SemaphoreSlim refreshGate = new(1, 1);
    private Snapshot? current;
    private long generation;

    /// <summary>The key record whose hash matches, or null.</summary>
    public async ValueTask<ApiKeyRecord?> FindAsync(string keyHash)
    {
        var snapshot = await GetSnapshotAsync();
        return snapshot.ByHash.GetValueOrDefault(keyHash);
    }

    /// <summary>Forgets the copy; the next lookup reloads it from the registry grain.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref current, null);
    }

    private async ValueTask<Snapshot> GetSnapshotAsync()
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is not null && time.GetUtcNow() < snapshot.ExpiresAt)
        {
            return snapshot;
        }

        await refreshGate.WaitAsync();
        try
        {
            snapshot = Volatile.Read(ref current);
            if (snapshot is not null && time.GetUtcNow() < snapshot.ExpiresAt)
            {
                return snapshot;
            }

            // A change made while the registry is being read must not be papered over by
            // the older copy: only a load that saw no invalidation is kept.
            var loadedAt = Interlocked.Read(ref generation);
            var keys = await grains.GetGrain<IApiKeyRegistryGrain>(ApiKeyRegistry.GrainKey).ListAsync();
            snapshot = new Snapshot(
                keys.ToFrozenDictionary(k => k.KeyHash, StringComparer.Ordinal),
                time.GetUtcNow() + lifetime);
            if (Interlocked.Read(ref generation) == loadedAt)
            {
                Volatile.Write(ref current, snapshot);
            }

            return snapshot;
        }
        finally
        {
            refreshGate.Release();
        }
    }

    public void Dispose() => refreshGate.Dispose();

    private sealed record Snapshot(FrozenDictionary<string, ApiKeyRecord> ByHash, DateTimeOffset ExpiresAt);
}
