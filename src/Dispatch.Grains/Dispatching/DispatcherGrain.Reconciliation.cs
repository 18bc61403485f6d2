using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Dispatching;

/// <summary>The reconciler's repairs (<see cref="Reconciliation.ReconcilerGrain"/>). They run here, as turns of the
/// dispatcher, so that no dispatch decides between the check of a hold and its repair.</summary>
public sealed partial class DispatcherGrain
{
    public Task<bool> EndStrayHoldAsync(Reservation hold, GeoPoint? jobEnd) =>
        PublishingAsync(() => EndStrayHoldCoreAsync(hold, jobEnd));

    private async Task<bool> EndStrayHoldCoreAsync(Reservation hold, GeoPoint? jobEnd)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await SettleAsync();
        var center = Center(hold.CenterId);
        var current = (await center.GetAsync()).Reservations.FirstOrDefault(r => r.IncidentId == hold.IncidentId);

        // Checked again here: since the reconciler looked, the case may have ended it or a retry adopted it anew.
        var stillThere = current is not null && current.ResourceId == hold.ResourceId && current.ReservedAt == hold.ReservedAt;
        var ended = stillThere
            ? (jobEnd is { } at ? await center.CommitAsync(hold.IncidentId, at.Lat, at.Lon) : await center.ReleaseAsync(hold.IncidentId))
            : null;
        if (engine is not null && engine.HasCenter(hold.CenterId))
        {
            await ResyncCenterAsync(hold.CenterId);
        }

        // The unit it ended is free: a waiting case may take it, as after a completion or cancellation.
        if (ended is not null)
        {
            await ServeQueueAsync();
        }

        return ended is not null;
    }

    public Task<bool> RestoreHoldAsync(Reservation recorded) =>
        PublishingAsync(() => RestoreHoldCoreAsync(recorded));

    private async Task<bool> RestoreHoldCoreAsync(Reservation recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        await SettleAsync();
        if (engine is null || !engine.HasResource(recorded.ResourceId) || engine.CenterOf(recorded.ResourceId) != recorded.CenterId)
        {
            return false;
        }

        // The center's word first, so that the checks below see what it holds now.
        await ResyncCenterAsync(recorded.CenterId);
        if (reservations.TryGetValue(recorded.IncidentId, out var held))
        {
            return held.CenterId == recorded.CenterId && held.ResourceId == recorded.ResourceId;
        }

        if (IndexRefusal(recorded.CenterId, recorded.ResourceId, recorded.Sku) is not null)
        {
            return false;
        }

        var answer = await Center(recorded.CenterId).ReserveAsync(
            new ReserveRequest(recorded.IncidentId, recorded.ResourceId, recorded.Mode, recorded.Sku, recorded.EtaMin));
        await ResyncCenterAsync(recorded.CenterId);
        return answer.Status == ReserveStatus.Reserved
            || (answer.Status == ReserveStatus.IncidentHoldsOther && answer.Reservation!.ResourceId == recorded.ResourceId);
    }

    private ReserveStatus? IndexRefusal(string centerId, string resourceId, string? sku)
    {
        if (engine!.StatusOf(resourceId) != ResourceStatus.Available)
        {
            return ReserveStatus.ResourceNotFree;
        }

        return sku is not null && engine.StockOf(centerId, sku) is var (onHand, reserved) && onHand - reserved < 1
            ? ReserveStatus.PartOutOfStock
            : null;
    }
}
