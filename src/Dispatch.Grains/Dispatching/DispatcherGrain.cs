using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Networks;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Dispatch.Grains.Dispatching;

/// <summary>The one decision maker of a network. Its state lives in the center grains and the network grain; it keeps
/// only an index of them in memory and rebuilds it on activation, so a lost silo loses nothing committed.</summary>
public sealed partial class DispatcherGrain(ILogger<DispatcherGrain> logger) : Grain, IDispatcherGrain
{
    private readonly Dictionary<string, Reservation> reservations = new(StringComparer.Ordinal);
    private DispatchEngine? engine;
    private long version;

    private string NetworkKey => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await GrainFactory.GetGrain<INetworkGrain>(NetworkKey).GetAsync();
        if (stored.DocumentJson is null)
        {
            return;
        }

        var document = DocumentJson.ParseNetwork(stored.DocumentJson);
        version = stored.Version;
        var centers = await Task.WhenAll((document.Centers ?? []).Select(async center =>
        {
            var grain = GrainFactory.GetGrain<IServiceCenterGrain>(center.Id!);
            var snapshot = await grain.GetAsync();
            if (snapshot.NetworkVersion != version)
            {
                // The center missed the last network change (the host stopped midway): finish it now.
                await grain.ConfigureAsync(NetworkProjection.ConfigurationOf(center, version));
                snapshot = await grain.GetAsync();
            }

            return (Document: NetworkProjection.WithLiveState(center, snapshot), snapshot.Reservations);
        }));
        foreach (var reservation in centers.SelectMany(c => c.Reservations))
        {
            reservations[reservation.IncidentId] = reservation;
        }

        engine = DispatchEngine.Create(document with { Centers = [.. centers.Select(c => c.Document)] });
        engine.TrackChanges();
        logger.IndexRebuilt(NetworkKey, version, engine.ResourceCount, reservations.Count);
    }

    public Task<Immutable<RecommendationResult?>> RecommendSharedAsync(Immutable<Incident> incident, RecommendationQuery query) =>
        Task.FromResult(new Immutable<RecommendationResult?>(engine?.Recommend(incident.Value, query)));

    public Task<string?> RegionOfAsync(GeoPoint point) => Task.FromResult(engine is null ? string.Empty : engine.RegionOf(point));

    public Task<DispatchDecision> DispatchAsync(string incidentId, Incident incident, string? resourceId, string? mode) =>
        PublishingAsync(() => DispatchCoreAsync(incidentId, incident, resourceId, mode));

    private async Task<DispatchDecision> DispatchCoreAsync(string incidentId, Incident incident, string? resourceId, string? mode)
    {
        if (engine is null)
        {
            return new DispatchDecision(DispatchStatus.NoNetwork, null, null, null, "no network has been loaded");
        }

        if (reservations.TryGetValue(incidentId, out var held))
        {
            return held.ResourceId == (resourceId ?? held.ResourceId) && held.Mode == (mode ?? held.Mode)
                ? new DispatchDecision(DispatchStatus.Dispatched, null, held, null, null)
                : new DispatchDecision(DispatchStatus.Conflict, null, held, engine.Recommend(incident, RecommendationQuery.Default),
                    $"incident '{incidentId}' already holds resource '{held.ResourceId}' ({held.Mode})");
        }

        var choice = Choose(incident, resourceId, mode);
        if (choice.Status != DispatchStatus.Dispatched)
        {
            return choice;
        }

        var option = choice.Option!;
        var center = GrainFactory.GetGrain<IServiceCenterGrain>(option.CenterId);

        // Hold the unit in the index before the center answers, so that recommendations served meanwhile skip it.
        var stockBefore = option.Part is { } sku ? engine.StockOf(option.CenterId, sku) : default;
        Hold(option, stockBefore);
        ReserveOutcome outcome;
        try
        {
            outcome = await center.ReserveAsync(new ReserveRequest(incidentId, option.ResourceId, option.Mode, option.Part, option.EtaMin));
        }
        catch
        {
            // The call failed, but the center may have stored the hold before it did (a timeout): ask it.
            // If even that fails, the unit stays held in the index, which is the safe side; activation reconciles.
            var snapshot = await center.GetAsync();
            var stored = snapshot.Reservations.FirstOrDefault(r => r.IncidentId == incidentId);
            if (stored is not null)
            {
                reservations[incidentId] = stored;
                await ResyncCenterAsync(option.CenterId);
                return choice with { Reservation = stored };
            }

            Unhold(option, stockBefore);
            throw;
        }

        if (outcome.Status == ReserveStatus.Reserved)
        {
            reservations[incidentId] = outcome.Reservation!;
            return choice with { Reservation = outcome.Reservation };
        }

        if (outcome.Status == ReserveStatus.IncidentHoldsOther)
        {
            // An earlier attempt whose answer was lost did reserve: that hold is the assignment.
            Unhold(option, stockBefore);
            reservations[incidentId] = outcome.Reservation!;
            await ResyncCenterAsync(option.CenterId);
            return new DispatchDecision(DispatchStatus.Dispatched, null, outcome.Reservation, null, null);
        }

        // The center disagrees with the index: take the center's word and offer what is free now.
        Unhold(option, stockBefore);
        await ResyncCenterAsync(option.CenterId);
        return new DispatchDecision(DispatchStatus.Conflict, null, null, engine.Recommend(incident, RecommendationQuery.Default),
            $"resource '{option.ResourceId}' could not be reserved: {outcome.Status}");
    }

    public Task<Reservation?> CompleteAsync(string incidentId, GeoPoint at) =>
        PublishingAsync(() => CompleteCoreAsync(incidentId, at));

    private async Task<Reservation?> CompleteCoreAsync(string incidentId, GeoPoint at)
    {
        if (engine is null || !reservations.TryGetValue(incidentId, out var held))
        {
            return null;
        }

        var done = await GrainFactory.GetGrain<IServiceCenterGrain>(held.CenterId).CommitAsync(incidentId, at.Lat, at.Lon);
        reservations.Remove(incidentId);
        if (engine.HasResource(held.ResourceId))
        {
            engine.MoveResource(held.ResourceId, at);
            engine.SetResourceStatus(held.ResourceId, ResourceStatus.Available);
        }

        if (held.Sku is { } sku)
        {
            var (onHand, reserved) = engine.StockOf(held.CenterId, sku);
            engine.SetStock(held.CenterId, sku, onHand - 1, reserved - 1);
        }

        return done ?? held;
    }

    public Task<Reservation?> ReleaseAsync(string incidentId) =>
        PublishingAsync(() => ReleaseCoreAsync(incidentId));

    private async Task<Reservation?> ReleaseCoreAsync(string incidentId)
    {
        if (engine is null || !reservations.TryGetValue(incidentId, out var held))
        {
            return null;
        }

        var done = await GrainFactory.GetGrain<IServiceCenterGrain>(held.CenterId).ReleaseAsync(incidentId);
        reservations.Remove(incidentId);
        if (engine.HasResource(held.ResourceId))
        {
            engine.SetResourceStatus(held.ResourceId, ResourceStatus.Available);
        }

        if (held.Sku is { } sku)
        {
            var (onHand, reserved) = engine.StockOf(held.CenterId, sku);
            engine.SetStock(held.CenterId, sku, onHand, reserved - 1);
        }

        return done ?? held;
    }

    public Task<Reservation?> GetReservationAsync(string incidentId) =>
        Task.FromResult(reservations.TryGetValue(incidentId, out var held) ? held : null);

    public Task<ImmutableArray<Reservation>> GetReservationsAsync() =>
        Task.FromResult(reservations.Values.OrderBy(r => r.IncidentId, StringComparer.Ordinal).ToImmutableArray());

    public Task<NetworkDocument?> GetNetworkAsync() => Task.FromResult(engine?.ToDocument());

    public Task<CenterDocument?> GetCenterAsync(string centerId) =>
        Task.FromResult(engine is not null && engine.HasCenter(centerId)
            ? engine.ToDocument().Centers!.First(c => c.Id == centerId)
            : null);

    public async Task<NetworkChange> ReplaceNetworkAsync(NetworkDocument document)
    {
        var heldUnits = reservations.Values.Select(r => r.ResourceId).ToHashSet(StringComparer.Ordinal);
        var heldParts = reservations.Values.Where(r => r.Sku is not null)
            .GroupBy(r => (r.CenterId, r.Sku!))
            .ToDictionary(g => g.Key, g => g.Count());
        var errors = NetworkValidator.Validate(document, heldUnits, heldParts).ToList();
        errors.AddRange(HeldUnitsThatChangeCenter(document));
        if (errors.Count > 0)
        {
            var status = errors.All(e => e.IsConflict) ? NetworkChangeStatus.Conflict : NetworkChangeStatus.Invalid;
            return new NetworkChange(status, [.. errors], version);
        }

        // Compile first: a document the engine cannot hold must not reach storage.
        var next = DispatchEngine.Create(document);
        var removed = engine?.ToDocument().Centers!.Select(c => c.Id!).Except(document.Centers!.Select(c => c.Id!), StringComparer.Ordinal).ToList() ?? [];

        // The stored document is the commit point; centers that miss their configuration catch up on activation.
        version = await GrainFactory.GetGrain<INetworkGrain>(NetworkKey).SetAsync(DocumentJson.Write(document));
        await Task.WhenAll(document.Centers!.Select(c =>
            GrainFactory.GetGrain<IServiceCenterGrain>(c.Id!).ConfigureAsync(NetworkProjection.ConfigurationOf(c, version))));
        await Task.WhenAll(removed.Select(id => GrainFactory.GetGrain<IServiceCenterGrain>(id).RemoveAsync()));
        engine = next;
        next.TrackChanges();
        await PublishChangesAsync(networkReplaced: true);
        logger.NetworkReplaced(NetworkKey, version, next.ResourceCount);
        return new NetworkChange(NetworkChangeStatus.Accepted, [], version);
    }

    public Task<CommandResult<ResourceSnapshot>> SetResourceStatusAsync(string resourceId, ResourceStatus status) =>
        PublishingAsync(() => SetResourceStatusCoreAsync(resourceId, status));

    private async Task<CommandResult<ResourceSnapshot>> SetResourceStatusCoreAsync(string resourceId, ResourceStatus status)
    {
        if (engine is null || !engine.HasResource(resourceId))
        {
            return CommandResult<ResourceSnapshot>.Fail(CommandError.NotFound, $"unknown resource '{resourceId}'");
        }

        var result = await GrainFactory.GetGrain<IServiceCenterGrain>(engine.CenterOf(resourceId)).SetStatusAsync(resourceId, status);
        if (result.Succeeded && result.Value!.StatusKind is { } parsed)
        {
            engine.SetResourceStatus(resourceId, parsed);
        }

        return result;
    }

    public Task<CommandResult<ResourceSnapshot>> SetResourcePositionAsync(string resourceId, GeoPoint position) =>
        PublishingAsync(() => SetResourcePositionCoreAsync(resourceId, position));

    private async Task<CommandResult<ResourceSnapshot>> SetResourcePositionCoreAsync(string resourceId, GeoPoint position)
    {
        if (engine is null || !engine.HasResource(resourceId))
        {
            return CommandResult<ResourceSnapshot>.Fail(CommandError.NotFound, $"unknown resource '{resourceId}'");
        }

        var result = await GrainFactory.GetGrain<IServiceCenterGrain>(engine.CenterOf(resourceId)).SetPositionAsync(resourceId, position.Lat, position.Lon);
        if (result.Succeeded)
        {
            engine.MoveResource(resourceId, position);
        }

        return result;
    }

    public Task<CommandResult<StockSnapshot>> AdjustStockAsync(string centerId, string sku, int delta) =>
        PublishingAsync(() => AdjustStockCoreAsync(centerId, sku, delta));

    private async Task<CommandResult<StockSnapshot>> AdjustStockCoreAsync(string centerId, string sku, int delta)
    {
        if (engine is null || !engine.HasCenter(centerId))
        {
            return CommandResult<StockSnapshot>.Fail(CommandError.NotFound, $"unknown center '{centerId}'");
        }

        var result = await GrainFactory.GetGrain<IServiceCenterGrain>(centerId).AdjustStockAsync(sku, delta);
        if (result.Succeeded)
        {
            engine.SetStock(centerId, sku, result.Value!.OnHand, result.Value.Reserved);
        }

        return result;
    }

    // A held unit must stay at the center that holds it: that center alone can end the hold.
    private IEnumerable<ValidationError> HeldUnitsThatChangeCenter(NetworkDocument document)
    {
        var centerOf = new Dictionary<string, (string CenterId, int Index, int Unit)>(StringComparer.Ordinal);
        var centers = document.Centers ?? [];
        for (var c = 0; c < centers.Count; c++)
        {
            var units = centers[c]?.Resources ?? [];
            for (var u = 0; u < units.Count; u++)
            {
                if (units[u]?.Id is { } id && centers[c].Id is { } centerId)
                {
                    centerOf.TryAdd(id, (centerId, c, u));
                }
            }
        }

        foreach (var held in reservations.Values)
        {
            if (centerOf.TryGetValue(held.ResourceId, out var at) && at.CenterId != held.CenterId)
            {
                yield return new ValidationError($"centers[{at.Index}].resources[{at.Unit}].id",
                    $"resource '{held.ResourceId}' is held by open incident '{held.IncidentId}' at center '{held.CenterId}' and cannot move to '{at.CenterId}'",
                    IsConflict: true);
            }
        }
    }

    // The option to dispatch: the best one, or the asked-for unit (and mode) if it may go.
    private DispatchDecision Choose(Incident incident, string? resourceId, string? mode)
    {
        if (resourceId is null)
        {
            var best = engine!.Recommend(incident, mode is null ? RecommendationQuery.Default : RecommendationQuery.All);
            if (best.Status == RecommendationStatus.OutsideServedArea)
            {
                return new DispatchDecision(DispatchStatus.OutsideServedArea, null, null, best, "the incident is outside the served area");
            }

            var pick = mode is null ? best.Recommendation : Options(best).FirstOrDefault(o => o.Mode == mode);
            return pick is null
                ? new DispatchDecision(DispatchStatus.Unassignable, null, null, best, mode is null ? "no unit may serve this incident" : $"no unit may serve this incident in mode '{mode}'")
                : new DispatchDecision(DispatchStatus.Dispatched, pick, null, null, null);
        }

        if (!engine!.HasResource(resourceId))
        {
            return new DispatchDecision(DispatchStatus.UnknownResource, null, null, null, $"unknown resource '{resourceId}'");
        }

        var all = engine.Recommend(incident, RecommendationQuery.All);
        if (all.Status == RecommendationStatus.OutsideServedArea)
        {
            return new DispatchDecision(DispatchStatus.OutsideServedArea, null, null, all, "the incident is outside the served area");
        }

        var chosen = Options(all).FirstOrDefault(o => o.ResourceId == resourceId && (mode is null || o.Mode == mode));
        if (chosen is not null)
        {
            return new DispatchDecision(DispatchStatus.Dispatched, chosen, null, null, null);
        }

        var reason = all.Excluded.FirstOrDefault(e => e.ResourceId == resourceId)?.Reason;
        if (reason == ReasonCodes.NotAvailable)
        {
            return new DispatchDecision(DispatchStatus.Conflict, null, null, engine.Recommend(incident, RecommendationQuery.Default),
                $"resource '{resourceId}' is no longer available");
        }

        return new DispatchDecision(DispatchStatus.NotPossible, null, null, null,
            reason is null ? $"resource '{resourceId}' cannot serve this incident in mode '{mode}'" : $"resource '{resourceId}' cannot serve this incident: {reason}");
    }

    private static IEnumerable<DispatchOption> Options(RecommendationResult result) =>
        result.Recommendation is null ? [] : result.Alternatives.Prepend(result.Recommendation);

    private void Hold(DispatchOption option, (int OnHand, int Reserved) stock)
    {
        engine!.SetResourceStatus(option.ResourceId, ResourceStatus.Assigned);
        if (option.Part is { } sku)
        {
            engine.SetStock(option.CenterId, sku, stock.OnHand, stock.Reserved + 1);
        }
    }

    private void Unhold(DispatchOption option, (int OnHand, int Reserved) stock)
    {
        engine!.SetResourceStatus(option.ResourceId, ResourceStatus.Available);
        if (option.Part is { } sku)
        {
            engine.SetStock(option.CenterId, sku, stock.OnHand, stock.Reserved);
        }
    }

    private async Task ResyncCenterAsync(string centerId)
    {
        var snapshot = await GrainFactory.GetGrain<IServiceCenterGrain>(centerId).GetAsync();
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
            engine!.SetStock(centerId, sku, level.OnHand, level.Reserved);
        }
    }
}
