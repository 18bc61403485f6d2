using System.Collections.Immutable;

namespace Dispatch.Grains.Incidents;

public sealed class IncidentRegistryGrain(
    [PersistentState("incidents", GrainStorage.Name)] IPersistentState<IncidentRegistryState> state,
    TimeProvider time) : Grain, IIncidentRegistryGrain
{
    /// <summary>How many closed cases a shard keeps listed; older ones remain readable by id.</summary>
    public const int ClosedKept = 200;

    public Task TrackAsync(string incidentId, string status) =>
        state.UpdateAsync(s => s.Clone(), s =>
        {
            var listing = new IncidentListing(incidentId, status, time.GetUtcNow());
            if (CaseStatus.IsTerminal(status))
            {
                s.Active.Remove(incidentId);
                s.RecentlyClosed.RemoveAll(l => l.Id == incidentId);
                s.RecentlyClosed.Add(listing);
                if (s.RecentlyClosed.Count > ClosedKept)
                {
                    s.RecentlyClosed.RemoveRange(0, s.RecentlyClosed.Count - ClosedKept);
                }
            }
            else
            {
                s.Active[incidentId] = listing;
            }
        }, GrainContext);

    public Task<ImmutableArray<IncidentListing>> ListAsync(ImmutableArray<string> statuses)
    {
        var any = statuses.IsDefaultOrEmpty;
        var active = any || statuses.Any(s => !CaseStatus.IsTerminal(s));
        var closed = any || statuses.Any(CaseStatus.IsTerminal);
        var items = (active ? state.State.Active.Values : Enumerable.Empty<IncidentListing>())
            .Concat(closed ? state.State.RecentlyClosed : Enumerable.Empty<IncidentListing>())
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return Task.FromResult(items);
    }
}
