using System.Collections.Immutable;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Centers;

public sealed class ServiceCenterGrain(
    [PersistentState("center", GrainStorage.Name)] IPersistentState<CenterState> state,
    TimeProvider time) : Grain, IServiceCenterGrain
{
    private string CenterId => this.GetPrimaryKeyString();

    public Task<CenterSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public Task ConfigureAsync(CenterConfiguration configuration) =>
        UpdateAsync(s =>
        {
            var held = s.Reservations.Values.Select(r => r.ResourceId).ToHashSet(StringComparer.Ordinal);
            s.NetworkVersion = configuration.NetworkVersion;
            s.Resources = [.. configuration.Resources.Select(r => held.Contains(r.Id) ? r with { Status = ResourceStatusNames.Assigned } : r)];
            s.Stock = new Dictionary<string, StockSnapshot>(configuration.Stock, StringComparer.Ordinal);
        });

    public async Task<bool> RemoveAsync()
    {
        if (state.State.Reservations.Count > 0)
        {
            return false;
        }

        await state.ClearStateAsync();
        state.State = new CenterState();
        return true;
    }

    public async Task<ReserveOutcome> ReserveAsync(ReserveRequest request)
    {
        if (state.State.Reservations.TryGetValue(request.IncidentId, out var existing))
        {
            // The same hold asked again is the same answer; a different one for the same incident is refused.
            return existing.ResourceId == request.ResourceId && existing.Mode == request.Mode && existing.Sku == request.Sku
                ? new ReserveOutcome(ReserveStatus.Reserved, existing)
                : new ReserveOutcome(ReserveStatus.IncidentHoldsOther, existing);
        }

        var index = state.State.Resources.FindIndex(r => r.Id == request.ResourceId);
        if (index < 0)
        {
            return new ReserveOutcome(ReserveStatus.UnknownResource, null);
        }

        if (state.State.Resources[index].Status != ResourceStatusNames.Available)
        {
            return new ReserveOutcome(ReserveStatus.ResourceNotFree, null);
        }

        if (request.Sku is { } sku && (!state.State.Stock.TryGetValue(sku, out var level) || level.OnHand - level.Reserved < 1))
        {
            return new ReserveOutcome(ReserveStatus.PartOutOfStock, null);
        }

        var reservation = new Reservation(request.IncidentId, CenterId, request.ResourceId, request.Mode, request.Sku, time.GetUtcNow(), request.EtaMin);
        await UpdateAsync(s =>
        {
            s.Resources[index] = s.Resources[index] with { Status = ResourceStatusNames.Assigned };
            if (reservation.Sku is { } part)
            {
                var l = s.Stock[part];
                s.Stock[part] = l with { Reserved = l.Reserved + 1 };
            }

            s.Reservations[reservation.IncidentId] = reservation;
        });
        return new ReserveOutcome(ReserveStatus.Reserved, reservation);
    }

    public Task<Reservation?> CommitAsync(string incidentId, double lat, double lon) => EndAsync(incidentId, consumePart: true, (lat, lon));

    public Task<Reservation?> ReleaseAsync(string incidentId) => EndAsync(incidentId, consumePart: false, null);

    public async Task<CommandResult<ResourceSnapshot>> SetStatusAsync(string resourceId, ResourceStatus status)
    {
        var index = state.State.Resources.FindIndex(r => r.Id == resourceId);
        if (index < 0)
        {
            return CommandResult<ResourceSnapshot>.Fail(CommandError.NotFound, $"resource '{resourceId}' is not at center '{CenterId}'");
        }

        var current = state.State.Resources[index];
        if (current.Status == ResourceStatusNames.Assigned)
        {
            return CommandResult<ResourceSnapshot>.Fail(CommandError.Conflict, $"resource '{resourceId}' is assigned to an open incident");
        }

        if (status is not (ResourceStatus.Available or ResourceStatus.Offline))
        {
            return CommandResult<ResourceSnapshot>.Fail(CommandError.Invalid, "status must be 'available' or 'offline'");
        }

        // The stored snapshot keeps the status's wire name: states written before read the same.
        var name = status.ToName();
        if (current.Status != name)
        {
            await UpdateAsync(s => s.Resources[index] = s.Resources[index] with { Status = name });
        }

        return CommandResult<ResourceSnapshot>.Ok(state.State.Resources[index]);
    }

    public async Task<CommandResult<ResourceSnapshot>> SetPositionAsync(string resourceId, double lat, double lon)
    {
        var index = state.State.Resources.FindIndex(r => r.Id == resourceId);
        if (index < 0)
        {
            return CommandResult<ResourceSnapshot>.Fail(CommandError.NotFound, $"resource '{resourceId}' is not at center '{CenterId}'");
        }

        await UpdateAsync(s => s.Resources[index] = s.Resources[index] with { Lat = lat, Lon = lon });
        return CommandResult<ResourceSnapshot>.Ok(state.State.Resources[index]);
    }

    public async Task<CommandResult<StockSnapshot>> AdjustStockAsync(string sku, int delta)
    {
        var level = state.State.Stock.TryGetValue(sku, out var l) ? l : new StockSnapshot(0, 0);
        var onHand = (long)level.OnHand + delta;
        if (onHand < level.Reserved || onHand > int.MaxValue)
        {
            return CommandResult<StockSnapshot>.Fail(CommandError.Conflict,
                $"on hand of '{sku}' would be {onHand}, below the {level.Reserved} reserved for open incidents");
        }

        var updated = level with { OnHand = (int)onHand };
        await UpdateAsync(s => s.Stock[sku] = updated);
        return CommandResult<StockSnapshot>.Ok(updated);
    }

    private async Task<Reservation?> EndAsync(string incidentId, bool consumePart, (double Lat, double Lon)? at)
    {
        // Ending a hold that is not there is a no-op: the call may be a retry of one that already succeeded.
        if (!state.State.Reservations.TryGetValue(incidentId, out var reservation))
        {
            return null;
        }

        await UpdateAsync(s =>
        {
            s.Reservations.Remove(incidentId);
            var index = s.Resources.FindIndex(r => r.Id == reservation.ResourceId);
            if (index >= 0)
            {
                var r = s.Resources[index];
                s.Resources[index] = at is { } p ? r with { Status = ResourceStatusNames.Available, Lat = p.Lat, Lon = p.Lon } : r with { Status = ResourceStatusNames.Available };
            }

            if (reservation.Sku is { } sku && s.Stock.TryGetValue(sku, out var level))
            {
                s.Stock[sku] = consumePart ? new StockSnapshot(level.OnHand - 1, level.Reserved - 1) : level with { Reserved = level.Reserved - 1 };
            }
        });
        return reservation;
    }

    private Task UpdateAsync(Action<CenterState> change) => state.UpdateAsync(s => s.Clone(), change, GrainContext);

    private CenterSnapshot Snapshot() => new(
        CenterId,
        state.State.NetworkVersion,
        [.. state.State.Resources],
        state.State.Stock.ToImmutableDictionary(StringComparer.Ordinal),
        [.. state.State.Reservations.Values.OrderBy(r => r.IncidentId, StringComparer.Ordinal)]);
}
