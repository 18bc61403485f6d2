using System.Collections.Frozen;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Networks;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Notifications;

/// <summary>This silo's cache of what notifications name from the network: each center's name and phone and each
/// unit's type, read from the stored network document. Read when a message is sent, so that the dispatch path pays
/// nothing for it; refreshed when older than <see cref="MaxAge"/> or when it lacks a center or unit asked for.</summary>
public sealed class CenterDirectory(IGrainFactory grains, TimeProvider time) : IDisposable
{
    /// <summary>How stale a center's name or phone may be in a notification.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    // A miss refreshes at most this often: a unit removed since the dispatch must not reload the network every post.
    private static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot? current;

    public sealed record Entry(string? Name, string? Phone);

    public async Task<(Entry? Center, string? UnitType)> LookupAsync(string? centerId, string? resourceId)
    {
        var snapshot = current;
        var now = time.GetUtcNow();
        if (snapshot is null || now - snapshot.LoadedAt > MaxAge
            || (Misses(snapshot, centerId, resourceId) && now - snapshot.LoadedAt > MissRefreshInterval))
        {
            snapshot = await RefreshAsync(snapshot);
        }

        Entry? center = centerId is not null && snapshot.Centers.TryGetValue(centerId, out var c) ? c : null;
        string? type = resourceId is not null && snapshot.UnitTypes.TryGetValue(resourceId, out var t) ? t : null;
        return (center, type);
    }

    public void Dispose() => refreshing.Dispose();

    private static bool Misses(Snapshot snapshot, string? centerId, string? resourceId) =>
        (centerId is not null && !snapshot.Centers.ContainsKey(centerId))
        || (resourceId is not null && !snapshot.UnitTypes.ContainsKey(resourceId));

    private async Task<Snapshot> RefreshAsync(Snapshot? seen)
    {
        await refreshing.WaitAsync();
        try
        {
            // Another caller may have refreshed while this one waited.
            if (current is { } fresher && !ReferenceEquals(fresher, seen))
            {
                return fresher;
            }

            var stored = await grains.GetGrain<INetworkGrain>(IncidentGrain.Network).GetAsync();
            var now = time.GetUtcNow();
            var next = seen is not null && seen.Version == stored.Version
                ? seen with { LoadedAt = now }
                : Snapshot.Of(stored, now);
            current = next;
            return next;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private sealed record Snapshot(long Version, DateTimeOffset LoadedAt, FrozenDictionary<string, Entry> Centers, FrozenDictionary<string, string> UnitTypes)
    {
        public static Snapshot Of(NetworkState stored, DateTimeOffset now)
        {
            var centers = new Dictionary<string, Entry>(StringComparer.Ordinal);
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            if (stored.DocumentJson is { } json)
            {
                // The stored document was validated when it was accepted: ids are there and unique.
                foreach (var center in DocumentJson.ParseNetwork(json).Centers ?? [])
                {
                    centers[center.Id!] = new Entry(center.Name, center.Phone);
                    foreach (var unit in center.Resources ?? [])
                    {
                        types[unit.Id!] = unit.Type!;
                    }
                }
            }

            return new(stored.Version, now, centers.ToFrozenDictionary(StringComparer.Ordinal), types.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }
}
