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
        return grains.GetGrain<IIncidentRegistryGrain>($"{network}/{StableHash.Of(incidentId) % Shards}");
    }

    public static async Task<ImmutableArray<IncidentListing>> ListAsync(IGrainFactory grains, string network, ImmutableArray<CaseStatusKind> statuses)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var shards = await Task.WhenAll(Enumerable.Range(0, Shards)
            .Select(i => grains.GetGrain<IIncidentRegistryGrain>($"{network}/{i}").ListAsync(statuses)));
        return [.. shards.SelectMany(s => s).OrderBy(l => l.Id, StringComparer.Ordinal)];
    }

    /// <summary>Up to <paramref name="limit"/> listings from <paramref name="from"/> on, shard by shard and by id within a
    /// shard, with where the next page starts (null after the last shard). Reads only the shards it needs, a page of
    /// each, so no call ever carries every case.</summary>
    public static async Task<(ImmutableArray<IncidentListing> Items, IncidentListPosition? Next)> ListPageAsync(
        IGrainFactory grains, string network, ImmutableArray<CaseStatusKind> statuses, IncidentListPosition from, int limit)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(from.Shard);
        var items = ImmutableArray.CreateBuilder<IncidentListing>();
        var position = from;
        while (position.Shard < Shards && items.Count < limit)
        {
            var page = await grains.GetGrain<IIncidentRegistryGrain>($"{network}/{position.Shard}")
                .ListPageAsync(statuses, position.AfterId, limit - items.Count);
            items.AddRange(page.Items);
            position = page.More
                ? new IncidentListPosition(position.Shard, page.Items.Length > 0 ? page.Items[^1].Id : position.AfterId)
                : new IncidentListPosition(position.Shard + 1, null);
        }

        return (items.ToImmutable(), position.Shard < Shards ? position : null);
    }
}

/// <summary>Where a listing page starts: a shard, and the last id already listed from it (null: its start).</summary>
public readonly record struct IncidentListPosition(int Shard, string? AfterId)
{
    public static IncidentListPosition Start => new(0, null);
}
