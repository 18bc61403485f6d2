using System.Runtime.ExceptionServices;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Dispatching;

/// <summary>The reservation sequence, which single dispatch and batch share, and the few helpers through which the
/// index changes.</summary>
public sealed partial class DispatcherGrain
{
    // How often a center the index is unsure about is read again while no decision comes to do it first.
    private static readonly TimeSpan SettlePeriod = TimeSpan.FromSeconds(2);

    /// <summary>Centers that a call of unknown outcome left the index unsure about; read again before the next decision.</summary>
    private readonly HashSet<string> unsettled = new(StringComparer.Ordinal);
    private IGrainTimer? settleTimer;

    private IServiceCenterGrain Center(string centerId) => GrainFactory.GetGrain<IServiceCenterGrain>(centerId);

    /// <summary>
    /// Holds the unit in the index, reserves it at its center, and on failure asks the center; adopts a hold the
    /// incident already has; takes the center's word after a refusal. The one place a unit gets reserved.
    /// </summary>
    /// <exception cref="Exception">The reserve call failed and the center holds nothing for the incident (or could not
    /// be asked; then the center is read again before the next decision, so the unit is never stranded).</exception>
    /// <param name="letOthersDecide">Whether the turn goes to the next caller while the center stores the hold (a single
    /// dispatch); a queue, batch or reassign sequence keeps it, since its next step depends on this one.</param>
    private async Task<ReservationOutcome> ReserveAsync(string incidentId, DispatchOption option, bool letOthersDecide = false)
    {
        if (reservations.TryGetValue(incidentId, out var existing))
        {
            return ReservationOutcome.Adopted(existing);
        }

        // Another call of this incident is being stored: this one cannot know yet what it holds.
        if (inFlight.ContainsKey(incidentId))
        {
            return ReservationOutcome.Refused(ReserveStatus.ResourceNotFree);
        }

        // A batch reserves a plan made on a snapshot: what has been taken since is refused here, without a call.
        if (IndexRefusal(option) is { } refusal)
        {
            return ReservationOutcome.Refused(refusal);
        }

        // Held in the index before the center answers, so that recommendations served meanwhile skip it.
        Hold(option);
        var heldIn = engine;
        ReserveOutcome answer;
        try
        {
            var call = Center(option.CenterId).ReserveAsync(new ReserveRequest(incidentId, option.ResourceId, option.Mode, option.Part, option.EtaMin));
            answer = letOthersDecide ? await OutsideTurnAsync(incidentId, option, call) : await call;
        }
        catch (Exception failure)
        {
            if (!ReferenceEquals(engine, heldIn))
            {
                MarkUnsettled(option.CenterId);
            }

            return await AfterFailedReserveAsync(incidentId, option, failure);
        }

        // The network was replaced while the center stored the hold: the new index was built without it, and the
        // center has the word on what it holds now.
        if (!ReferenceEquals(engine, heldIn))
        {
            if (answer.Reservation is { } stored && answer.Status is ReserveStatus.Reserved or ReserveStatus.IncidentHoldsOther)
            {
                reservations[incidentId] = stored;
            }

            MarkUnsettled(option.CenterId);
            return answer.Status switch
            {
                ReserveStatus.Reserved => ReservationOutcome.Reserved(answer.Reservation!),
                ReserveStatus.IncidentHoldsOther => ReservationOutcome.Adopted(answer.Reservation!),
                _ => ReservationOutcome.Refused(answer.Status),
            };
        }

        if (answer.Status == ReserveStatus.Reserved)
        {
            reservations[incidentId] = answer.Reservation!;
            return ReservationOutcome.Reserved(answer.Reservation!);
        }

        Unhold(option);
        if (answer.Status == ReserveStatus.IncidentHoldsOther)
        {
            // An earlier attempt whose answer was lost did reserve: that hold is the assignment.
            reservations[incidentId] = answer.Reservation!;
        }

        // The center disagrees with the index: take its word for its state.
        await ResyncCenterAsync(option.CenterId);
        return answer.Status == ReserveStatus.IncidentHoldsOther
            ? ReservationOutcome.Adopted(answer.Reservation!)
            : ReservationOutcome.Refused(answer.Status);
    }

    private async Task<ReservationOutcome> AfterFailedReserveAsync(string incidentId, DispatchOption option, Exception failure)
    {
        // The call failed, but the center may have stored the hold before it did (a timeout): ask it.
        CenterSnapshot snapshot;
        try
        {
            snapshot = await Center(option.CenterId).GetAsync();
        }
        catch (Exception)
        {
            // Neither answer came back, so whether the center holds the unit is unknown. The index keeps it held (the
            // safe side) until the center is read again: before the next decision, or by the settle timer.
            MarkUnsettled(option.CenterId);
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }

        Apply(snapshot);
        var stored = snapshot.Reservations.FirstOrDefault(r => r.IncidentId == incidentId);
        if (stored is null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return stored.ResourceId == option.ResourceId && stored.Mode == option.Mode
            ? ReservationOutcome.Reserved(stored)
            : ReservationOutcome.Adopted(stored);
    }

    private ReserveStatus? IndexRefusal(DispatchOption option)
    {
        if (!engine!.HasResource(option.ResourceId) || engine.CenterOf(option.ResourceId) != option.CenterId)
        {
            return ReserveStatus.UnknownResource;
        }

        if (engine.StatusOf(option.ResourceId) != ResourceStatus.Available)
        {
            return ReserveStatus.ResourceNotFree;
        }

        return option.Part is { } sku && engine.StockOf(option.CenterId, sku) is var (onHand, reserved) && onHand - reserved < 1
            ? ReserveStatus.PartOutOfStock
            : null;
    }

    /// <summary>Reads again each center the index is unsure about. Every write calls it first, so no decision is
    /// made on a unit that a lost answer left held.</summary>
    private async Task SettleAsync()
    {
        await ConfigurePendingCentersAsync();
        if (unsettled.Count == 0)
        {
            return;
        }

        foreach (var centerId in unsettled.ToList())
        {
            if (engine is null || !engine.HasCenter(centerId))
            {
                unsettled.Remove(centerId);
                continue;
            }

            await ResyncCenterAsync(centerId);
        }

        if (unsettled.Count == 0)
        {
            settleTimer?.Dispose();
            settleTimer = null;
        }
    }

    private void MarkUnsettled(string centerId)
    {
        unsettled.Add(centerId);
        logger.CenterUnsettled(NetworkKey, centerId);

        // Timer ticks are turns of their own (not interleaved), so they never meet a decision halfway.
        settleTimer ??= this.RegisterGrainTimer(_ => PublishingAsync(async () => { await SettleAsync(); return true; }), SettlePeriod, SettlePeriod);
    }

    /// <summary>Takes the center's word for its units, stock and holds; a center that does not answer is read again later.</summary>
    private async Task ResyncCenterAsync(string centerId)
    {
        CenterSnapshot snapshot;
        try
        {
            snapshot = await Center(centerId).GetAsync();
        }
        catch (Exception)
        {
            MarkUnsettled(centerId);
            return;
        }

        Apply(snapshot);
        unsettled.Remove(centerId);
    }

    private void Apply(CenterSnapshot snapshot)
    {
        foreach (var r in snapshot.Resources)
        {
            if (engine!.HasResource(r.Id) && r.StatusKind is { } status)
            {
                engine.MoveResource(r.Id, new GeoPoint(r.Lat, r.Lon));
                engine.SetResourceStatus(r.Id, status);
            }
        }

        foreach (var (sku, level) in snapshot.Stock)
        {
            engine!.SetStock(snapshot.CenterId, sku, level.OnHand, level.Reserved);
        }

        var held = snapshot.Reservations.Select(r => r.IncidentId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in reservations.Values.Where(r => r.CenterId == snapshot.CenterId && !held.Contains(r.IncidentId)).ToList())
        {
            reservations.Remove(gone.IncidentId);
            holdDroppedOnResync = true;
        }

        foreach (var r in snapshot.Reservations)
        {
            reservations[r.IncidentId] = r;
        }

        KeepInFlightHolds(snapshot);
    }

    private void Hold(DispatchOption option)
    {
        engine!.SetResourceStatus(option.ResourceId, ResourceStatus.Assigned);
        if (option.Part is { } part)
        {
            var (onHand, reserved) = engine.StockOf(option.CenterId, part);
            engine.SetStock(option.CenterId, part, onHand, reserved + 1);
        }
    }

    // Relative, not a restore of the level before the hold: other holds at the center may have come and gone since.
    private void Unhold(DispatchOption option)
    {
        engine!.SetResourceStatus(option.ResourceId, ResourceStatus.Available);
        if (option.Part is { } sku)
        {
            var (onHand, reserved) = engine.StockOf(option.CenterId, sku);
            engine.SetStock(option.CenterId, sku, onHand, Math.Max(0, reserved - 1));
        }
    }

    /// <summary>Frees the unit of an ended hold (where the job ended, when it was completed) and gives the part back
    /// or counts it used.</summary>
    private void Unassign(Reservation held, GeoPoint? jobEnd)
    {
        reservations.Remove(held.IncidentId);
        if (engine!.HasResource(held.ResourceId))
        {
            if (jobEnd is not null)
            {
                engine.MoveResource(held.ResourceId, jobEnd);
            }

            engine.SetResourceStatus(held.ResourceId, ResourceStatus.Available);
        }

        if (held.Sku is { } sku)
        {
            var (onHand, reserved) = engine.StockOf(held.CenterId, sku);
            engine.SetStock(held.CenterId, sku, jobEnd is null ? onHand : onHand - 1, reserved - 1);
        }
    }
}
