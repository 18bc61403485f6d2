using System.Collections.Immutable;

namespace Dispatch.Grains.Incidents;

/// <summary>The incident registry is split into shards by a stable hash of the incident id, so that each write
/// carries a sixteenth of the open cases rather than all of them; listings ask every shard.</summary>
public static class IncidentRegistry
{
    public const int Shards = 16;

    public static IIncidentRegistryGrain ShardOf(IGrainFactory grains, string network, string incidentId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IIncidentRegistryGrain>($"{network}/{StableHash(incidentId) % Shards}");
    }

    public static async Task<ImmutableArray<IncidentListing>> ListAsync(IGrainFactory grains, string network, ImmutableArray<CaseStatusKind> statuses)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var shards = await Task.WhenAll(Enumerable.Range(0, Shards)
            .Select(i => grains.GetGrain<IIncidentRegistryGrain>($"{network}/{i}").ListAsync(statuses)));
        return [.. shards.SelectMany(s => s).OrderBy(l => l.Id, StringComparer.Ordinal)];
    }

    // string.GetHashCode differs from process to process; a shard must not.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
