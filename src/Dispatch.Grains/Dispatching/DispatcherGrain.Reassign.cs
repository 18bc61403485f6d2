using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Dispatching;

/// <summary>Reassignment (docs/waiting-and-reassign.md "Reassign"): the incident's unit and part are swapped for
/// another in one turn, so no other case can take the released unit before the new hold is known to stand.</summary>
public sealed partial class DispatcherGrain
{
    public Task<DispatchDecision> ReassignAsync(string incidentId, Incident incident, string? resourceId, string? mode, RecordedAssignment? recorded) =>
        PublishingAsync(() => ReassignCoreAsync(incidentId, incident, resourceId, mode, recorded));

    private async Task<DispatchDecision> ReassignCoreAsync(string incidentId, Incident incident, string? resourceId, string? mode, RecordedAssignment? recorded)
    {
        await SettleAsync();
        if (engine is null)
        {
            return new DispatchDecision(DispatchStatus.NoNetwork, null, null, null, "no network has been loaded");
        }

        if (!reservations.ContainsKey(incidentId) && recorded is not null && engine.HasCenter(recorded.CenterId))
        {
            // The index lost the hold (a lost answer): the center the case names has the word.
            await ResyncCenterAsync(recorded.CenterId);
        }

        if (!reservations.TryGetValue(incidentId, out var held))
        {
            return new DispatchDecision(DispatchStatus.Conflict, null, null, engine.Recommend(incident, RecommendationQuery.Default),
                $"incident '{incidentId}' holds no unit to release");
        }

        // A retry of a swap that went through here but whose case write failed: the case still records the old
        // unit. Releasing the new one again would undo a swap the center committed; the case records it instead.
        if (recorded is not null && (recorded.CenterId != held.CenterId || recorded.ResourceId != held.ResourceId)
            && (resourceId is null || resourceId == held.ResourceId) && (mode is null || mode == held.Mode))
        {
            return new DispatchDecision(DispatchStatus.Dispatched, null, held, null, null);
        }

        if (resourceId == held.ResourceId)
        {
            return new DispatchDecision(DispatchStatus.Conflict, null, held, engine.Recommend(incident, RecommendationQuery.Default),
                $"resource '{resourceId}' is the unit being released");
        }

        // Choose as if released: the part goes back (another unit of that center may need it), while the unit stays
        // held, so that it is not chosen again and recommendations served meanwhile do not offer it.
        Unassign(held, null);
        engine.SetResourceStatus(held.ResourceId, ResourceStatus.Assigned);
        var choice = Choose(incident, resourceId, mode);
        if (choice.Status != DispatchStatus.Dispatched)
        {
            Rehold(held);
            return choice.Status == DispatchStatus.Unassignable
                ? choice with { Status = DispatchStatus.Conflict, Detail = $"no other unit may serve this incident; it keeps resource '{held.ResourceId}'" }
                : choice;
        }

        try
        {
            await Center(held.CenterId).ReleaseAsync(incidentId);
        }
        catch (Exception)
        {
            Rehold(held);
            MarkUnsettled(held.CenterId);
            throw;
        }

        ReservationOutcome outcome;
        try
        {
            outcome = await ReserveAsync(incidentId, choice.Option!);
        }
        catch (Exception)
        {
            await PutBackAsync(held);
            throw;
        }

        if (outcome.Result != ReservationResult.Reserved)
        {
            await PutBackAsync(held);
            return new DispatchDecision(DispatchStatus.Conflict, null, reservations.GetValueOrDefault(incidentId), engine.Recommend(incident, RecommendationQuery.Default),
                $"resource '{choice.Option!.ResourceId}' could not be reserved: {outcome.Refusal}; the incident keeps resource '{held.ResourceId}'");
        }

        // The released unit is free where it stands, as after a cancellation, and may serve the queue.
        engine.SetResourceStatus(held.ResourceId, ResourceStatus.Available);
        await LeaveQueueAsync(incidentId);
        await ServeQueueAsync();
        return choice with { Reservation = outcome.Reservation };
    }

    /// <summary>Undoes the index side of a release that did not happen at the center.</summary>
    private void Rehold(Reservation held)
    {
        reservations[held.IncidentId] = held;
        engine!.SetResourceStatus(held.ResourceId, ResourceStatus.Assigned);
        if (held.Sku is { } sku)
        {
            var (onHand, reserved) = engine.StockOf(held.CenterId, sku);
            engine.SetStock(held.CenterId, sku, onHand, reserved + 1);
        }
    }

    /// <summary>The new unit could not be held: the released one goes back to the incident. Within this turn nobody
    /// else could take it, so only a center that fails to answer stops it; then its state is read again.</summary>
    private async Task PutBackAsync(Reservation held)
    {
        try
        {
            var again = await Center(held.CenterId).ReserveAsync(new ReserveRequest(held.IncidentId, held.ResourceId, held.Mode, held.Sku, held.EtaMin));
            if (again.Reservation is { } restored && restored.ResourceId == held.ResourceId)
            {
                Rehold(restored);
                return;
            }
        }
        catch (Exception)
        {
            // Unknown: read again below or later.
        }

        logger.ReassignRestoreFailed(NetworkKey);
        engine!.SetResourceStatus(held.ResourceId, ResourceStatus.Available);
        MarkUnsettled(held.CenterId);
        await SettleAsync();
    }
}
