using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Dispatching;

/// <summary>Moves a center's part of the network document into its grain, and its live state back.</summary>
internal static class NetworkProjection
{
    public static CenterConfiguration ConfigurationOf(CenterDocument center, long version) => new(
        version,
        [.. (center.Resources ?? []).Select(r => new ResourceSnapshot(
            r.Id!, r.Type!, r.Status ?? ResourceStatusNames.Available,
            (r.Position ?? center.Location!).Lat, (r.Position ?? center.Location!).Lon))],
        (center.Stock ?? new Dictionary<string, StockLevel>()).ToImmutableDictionary(
            kv => kv.Key, kv => new StockSnapshot((int)(kv.Value.OnHand ?? 0), (int)(kv.Value.Reserved ?? 0)), StringComparer.Ordinal));

    public static CenterDocument WithLiveState(CenterDocument center, CenterSnapshot snapshot)
    {
        var live = snapshot.Resources.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return center with
        {
            Resources = [.. (center.Resources ?? []).Select(r => live.TryGetValue(r.Id!, out var s)
                ? r with
                {
                    Status = s.Status,
                    Position = r.Position is not null || s.Lat != center.Location!.Lat || s.Lon != center.Location.Lon ? new GeoPoint(s.Lat, s.Lon) : null,
                }
                : r)],
            Stock = snapshot.Stock.ToDictionary(kv => kv.Key, kv => new StockLevel { OnHand = kv.Value.OnHand, Reserved = kv.Value.Reserved }, StringComparer.Ordinal),
        };
    }
}
