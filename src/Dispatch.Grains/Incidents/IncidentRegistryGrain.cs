using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Dispatch.Grains.Incidents;

/// <summary>One shard of the incident listing.</summary>
/// <remarks>Reentrant so that changes arriving while a write is in flight wait together and go out in the next
/// write: a shard answers each caller only once storage has its change, but several callers share one write.
/// Every turn still runs on the grain's one thread, so the pending list needs no lock.</remarks>
[Reentrant]
public sealed class IncidentRegistryGrain(
    [PersistentState("incidents", GrainStorage.Name)] IPersistentState<IncidentRegistryState> state,
    TimeProvider time) : Grain, IIncidentRegistryGrain
{
    /// <summary>How many closed cases a shard keeps listed; older ones remain readable by id.</summary>
    public const int ClosedKept = 200;

    private readonly List<(IncidentListing Listing, TaskCompletionSource Written)> pending = [];
    private bool writing;

    // The listings in id order, for pages; built on the first page after a write rather than on every write, so
    // a busy shard that nobody lists pays nothing, and paging through a quiet one sorts once.
    private IncidentListing[]? activeSorted;
    private IncidentListing[]? closedSorted;

    public Task TrackAsync(string incidentId, CaseStatusKind status)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Add((new IncidentListing(incidentId, status.ToName(), time.GetUtcNow()), written));
        if (!writing)
        {
            writing = true;
            _ = WriteAsync();
        }

        return written.Task;
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

    // Writes what is pending, then what arrived meanwhile, until nothing is left.
    private async Task WriteAsync()
    {
        try
        {
            while (pending.Count > 0)
            {
                var batch = pending.ToArray();
                pending.Clear();
                try
                {
                    await state.UpdateAsync(s => s.Clone(), s =>
                    {
                        foreach (var (listing, _) in batch)
                        {
                            Apply(s, listing);
                        }
                    }, GrainContext);
                }
                catch (Exception e)
                {
                    activeSorted = null;
                    closedSorted = null;
                    FailAll(batch, e);
                    return;
                }

                activeSorted = null;
                closedSorted = null;
                foreach (var (_, written) in batch)
                {
                    written.TrySetResult();
                }
            }
        }
        finally
        {
            writing = false;
        }
    }

    // The grain deactivates after a failed write (UpdateAsync): later changes fail with it and are retried by their callers.
    private void FailAll((IncidentListing Listing, TaskCompletionSource Written)[] batch, Exception e)
    {
        foreach (var (_, written) in batch.Concat(pending))
        {
            written.TrySetException(e);
        }

        pending.Clear();
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
