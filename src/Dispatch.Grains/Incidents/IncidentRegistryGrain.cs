using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Dispatch.Grains.Incidents;

/// <summary>One shard of the incident listing.</summary>
/// <remarks>Reentrant so that changes arriving while a write is in flight share the next write
/// (<see cref="GatheredWrites{T}"/>).</remarks>
[Reentrant]
public sealed class IncidentRegistryGrain(
    [PersistentState("incidents", GrainStorage.Name)] IPersistentState<IncidentRegistryState> state,
    TimeProvider time) : Grain, IIncidentRegistryGrain
{
    /// <summary>How many closed cases a shard keeps listed; older ones remain readable by id.</summary>
    public const int ClosedKept = 200;

    private GatheredWrites<IncidentListing>? writes;

    // The listings in id order, for pages; built on the first page after a write rather than on every write, so
    // a busy shard that nobody lists pays nothing, and paging through a quiet one sorts once.
    private IncidentListing[]? activeSorted;
    private IncidentListing[]? closedSorted;

    public Task TrackAsync(string incidentId, CaseStatusKind status)
    {
        writes ??= new GatheredWrites<IncidentListing>(WriteAsync);
        return writes.AddAsync(new IncidentListing(incidentId, status.ToName(), time.GetUtcNow()));
    }

    public Task<ImmutableArray<IncidentListing>> ListAsync(ImmutableArray<CaseStatusKind> statuses)
    {
        var any = statuses.IsDefaultOrEmpty;
        var active = any || statuses.Any(s => !s.IsTerminal());
        var closed = any || statuses.Any(s => s.IsTerminal());
        var items = (active ? state.State.Active.Values : Enumerable.Empty<IncidentListing>())
            .Concat(closed ? state.State.RecentlyClosed : Enumerable.Empty<IncidentListing>())
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return Task.FromResult(items);
    }

    public Task<IncidentListingPage> ListPageAsync(ImmutableArray<CaseStatusKind> statuses, string? afterId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var any = statuses.IsDefaultOrEmpty;
        var active = any || statuses.Any(s => !s.IsTerminal()) ? ActiveSorted() : [];
        var closed = any || statuses.Any(s => s.IsTerminal()) ? ClosedSorted() : [];

        // A case is in one of the two lists at any moment and keeps its id, so merging them by id gives each case
        // one place in the order, even one that closes between two pages.
        var a = FirstAfter(active, afterId);
        var c = FirstAfter(closed, afterId);
        var items = ImmutableArray.CreateBuilder<IncidentListing>(Math.Min(limit, active.Length - a + closed.Length - c));
        while (items.Count < limit && (a < active.Length || c < closed.Length))
        {
            var takeActive = c >= closed.Length || (a < active.Length && string.CompareOrdinal(active[a].Id, closed[c].Id) < 0);
            items.Add(takeActive ? active[a++] : closed[c++]);
        }

        return Task.FromResult(new IncidentListingPage(items.MoveToImmutable(), a < active.Length || c < closed.Length));
    }

    private IncidentListing[] ActiveSorted() =>
        activeSorted ??= [.. state.State.Active.Values.OrderBy(l => l.Id, StringComparer.Ordinal)];

    private IncidentListing[] ClosedSorted() =>
        closedSorted ??= [.. state.State.RecentlyClosed.OrderBy(l => l.Id, StringComparer.Ordinal)];

    // The index of the first listing whose id sorts after afterId.
    private static int FirstAfter(IncidentListing[] sorted, string? afterId)
    {
        if (afterId is null)
        {
            return 0;
        }

        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(sorted[middle].Id, afterId) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private async Task WriteAsync(IReadOnlyList<IncidentListing> batch)
    {
        try
        {
            await state.UpdateAsync(s => s.Clone(), s =>
            {
                foreach (var listing in batch)
                {
                    Apply(s, listing);
                }
            }, GrainContext);
        }
        finally
        {
            activeSorted = null;
            closedSorted = null;
        }
    }

    private static void Apply(IncidentRegistryState s, IncidentListing listing)
    {
        if (listing.StatusKind.IsTerminal())
        {
            s.Active.Remove(listing.Id);
            s.RecentlyClosed.RemoveAll(l => l.Id == listing.Id);
            s.RecentlyClosed.Add(listing);
            if (s.RecentlyClosed.Count > ClosedKept)
            {
                s.RecentlyClosed.RemoveRange(0, s.RecentlyClosed.Count - ClosedKept);
            }
        }
        else
        {
            s.Active[listing.Id] = listing;
        }
    }
}
