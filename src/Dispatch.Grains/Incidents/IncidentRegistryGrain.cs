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
                    // The grain deactivates after a failed write (UpdateAsync): later changes fail with it and are retried by their callers.
                    foreach (var (_, written) in batch.Concat(pending))
                    {
                        written.TrySetException(e);
                    }

                    pending.Clear();
                    return;
                }

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
