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
/// <remarks>Reentrant, with its own turn (<see cref="ExclusiveAsync{T}"/>): every write and read takes the turn for its
/// whole run, as a non-reentrant grain's requests would, except that a single dispatch lets it go while its center
/// stores the hold (<see cref="ReserveAsync"/>), and a completion or cancellation while its center stores the end,
/// so that the next decision is made meanwhile and concurrent holds share the storage's commits
/// (docs/architecture.md "Decisions and commits").</remarks>
[Reentrant]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The turn's SemaphoreSlim never creates its wait handle, so it holds nothing to dispose.")]
public sealed partial class DispatcherGrain(
    ILogger<DispatcherGrain> logger,
    [PersistentState("queue", GrainStorage.Name)] IPersistentState<DispatchQueueState> queue,
    TimeProvider time) : Grain, IDispatcherGrain
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
        await ResumeQueueAsync();
        await PublishChangesAsync();
    }

    public Task<Immutable<RecommendationResult?>> RecommendSharedAsync(Immutable<Incident> incident, RecommendationQuery query) =>
        Task.FromResult(new Immutable<RecommendationResult?>(engine?.Recommend(incident.Value, query)));

    public Task<string?> RegionOfAsync(GeoPoint point) => Task.FromResult(engine is null ? string.Empty : engine.RegionOf(point));

    public Task<DispatchDecision> DispatchAsync(string incidentId, Incident incident, string? resourceId, string? mode) =>
        PublishingAsync(() => DispatchCoreAsync(incidentId, incident, resourceId, mode));

    private async Task<DispatchDecision> DispatchCoreAsync(string incidentId, Incident incident, string? resourceId, string? mode)
    {
        await SettleAsync();
        if (engine is null)
        {
            return new DispatchDecision(DispatchStatus.NoNetwork, null, null, null, "no network has been loaded");
        }

        if (inFlight.ContainsKey(incidentId))
        {
            return new DispatchDecision(DispatchStatus.Conflict, null, null, engine.Recommend(incident, RecommendationQuery.Default),
                $"a dispatch of incident '{incidentId}' is being stored; ask again");
        }

        if (reservations.TryGetValue(incidentId, out var held))
        {
            if (held.ResourceId == (resourceId ?? held.ResourceId) && held.Mode == (mode ?? held.Mode))
            {
                // The caller records this hold itself now (a queue dispatch it did not hear of yet, or a lost answer).
                await LeaveQueueAsync(incidentId);
                return new DispatchDecision(DispatchStatus.Dispatched, null, held, null, null);
            }

            return new DispatchDecision(DispatchStatus.Conflict, null, held, engine.Recommend(incident, RecommendationQuery.Default),
                $"incident '{incidentId}' already holds resource '{held.ResourceId}' ({held.Mode})");
        }

        var choice = Choose(incident, resourceId, mode);
        if (choice.Status != DispatchStatus.Dispatched)
        {
            return choice;
        }

        var outcome = await ReserveAsync(incidentId, choice.Option!, letOthersDecide: true);
        if (outcome.Result != ReservationResult.Refused)
        {
            // Dispatched by hand (or adopted) while waiting: it leaves the queue.
            await LeaveQueueAsync(incidentId);
        }

        return outcome.Result switch
        {
            ReservationResult.Reserved => choice with { Reservation = outcome.Reservation },
            ReservationResult.Adopted => new DispatchDecision(DispatchStatus.Dispatched, null, outcome.Reservation, null, null),

            // The center refused: offer what is free now.
            _ => new DispatchDecision(DispatchStatus.Conflict, null, null, engine.Recommend(incident, RecommendationQuery.Default),
                $"resource '{choice.Option!.ResourceId}' could not be reserved: {outcome.Refusal}"),
        };
    }

    public Task<Reservation?> CompleteAsync(string incidentId, GeoPoint at, RecordedAssignment? recorded) =>
        PublishingAsync(() => CompleteCoreAsync(incidentId, at, recorded));

    private async Task<Reservation?> CompleteCoreAsync(string incidentId, GeoPoint at, RecordedAssignment? recorded)
    {
        await SettleAsync();
        await LeaveQueueAsync(incidentId);
        var ended = await EndAsync(incidentId, recorded, center => center.CommitAsync(incidentId, at.Lat, at.Lon), at);
        if (ended is not null)
        {
            await ServeQueueAsync();
        }

        return ended;
    }

    public Task<Reservation?> ReleaseAsync(string incidentId, RecordedAssignment? recorded) =>
        PublishingAsync(() => ReleaseCoreAsync(incidentId, recorded));

    private async Task<Reservation?> ReleaseCoreAsync(string incidentId, RecordedAssignment? recorded)
    {
        await SettleAsync();
        await LeaveQueueAsync(incidentId);
        var ended = await EndAsync(incidentId, recorded, center => center.ReleaseAsync(incidentId), null);
        if (ended is not null)
        {
            await ServeQueueAsync();
        }

        return ended;
    }

    /// <summary>Ends a hold at the center that holds it: the one in the dispatcher's map or, when the map lacks it (a
    /// lost answer), the one the case recorded. <paramref name="jobEnd"/>: where a completed job ended; null: released.</summary>
    /// <remarks>The turn goes to the next caller while the center stores the end; the index keeps the unit held (the
    /// safe side) until the center has answered.</remarks>
    private async Task<Reservation?> EndAsync(string incidentId, RecordedAssignment? recorded, Func<IServiceCenterGrain, Task<Reservation?>> end, GeoPoint? jobEnd)
    {
        var known = reservations.GetValueOrDefault(incidentId);
        var centerId = known?.CenterId ?? recorded?.CenterId;
        if (engine is null || centerId is null)
        {
            return null;
        }

        var before = engine;
        var done = await OutsideTurnAsync(end(Center(centerId)));
        if (!ReferenceEquals(engine, before))
        {
            // The network was replaced meanwhile: the new index is not the one that held it; the center has the word.
            reservations.Remove(incidentId);
            MarkUnsettled(centerId);
        }
        else if (known is not null && reservations.GetValueOrDefault(incidentId) == known)
        {
            Unassign(known, jobEnd);
        }
        else if (known is not null)
        {
            // A read of the center meanwhile already took its word, the end included.
            reservations.Remove(incidentId);
        }
        else if (engine.HasCenter(centerId))
        {
            // The index never knew of this hold: take the center's word for what it holds now.
            await ResyncCenterAsync(centerId);
        }

        return done ?? known;
    }

    public Task<Reservation?> GetReservationAsync(string incidentId) =>
        ExclusiveAsync(() => Task.FromResult(reservations.TryGetValue(incidentId, out var held) ? held : null));

    public Task<ImmutableArray<Reservation>> GetReservationsAsync() =>
        ExclusiveAsync(() => Task.FromResult(reservations.Values.OrderBy(r => r.IncidentId, StringComparer.Ordinal).ToImmutableArray()));

    public Task<NetworkDocument?> GetNetworkAsync() => ExclusiveAsync(() => Task.FromResult(engine?.ToDocument()));

    public Task<CenterDocument?> GetCenterAsync(string centerId) =>
        ExclusiveAsync(() => Task.FromResult(engine is not null && engine.HasCenter(centerId)
            ? engine.ToDocument().Centers!.First(c => c.Id == centerId)
            : null));

    public Task<NetworkChange> ReplaceNetworkAsync(NetworkDocument document) => ExclusiveAsync(() => ReplaceNetworkCoreAsync(document));

    private async Task<NetworkChange> ReplaceNetworkCoreAsync(NetworkDocument document)
    {
        await SettleAsync();
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

        // The stored document is the commit point. From there on the index and the replicas are the new network's,
        // even if a center's configuration fails: no decision is made until every center has it (SettleAsync), and
        // no silo keeps recommending from the old index (docs/cluster.md "Network replace").
        version = await GrainFactory.GetGrain<INetworkGrain>(NetworkKey).SetAsync(DocumentJson.Write(document));
        engine = next;
        next.TrackChanges();
        try
        {
            await ConfigureCentersAsync(document.Centers!.Select(c => (c.Id!, NetworkProjection.ConfigurationOf(c, version))));
            await Task.WhenAll(removed.Select(id => GrainFactory.GetGrain<IServiceCenterGrain>(id).RemoveAsync()));

            // More units, parts or reach may serve a waiting case; the holds go out with the whole network.
            await ServeQueueAsync();
        }
        finally
        {
            await PublishChangesAsync(networkReplaced: true);
        }
        logger.NetworkReplaced(NetworkKey, version, next.ResourceCount);
        return new NetworkChange(NetworkChangeStatus.Accepted, [], version);
    }

    public Task<CommandResult<ResourceSnapshot>> SetResourceStatusAsync(string resourceId, ResourceStatus status) =>
        PublishingAsync(() => SetResourceStatusCoreAsync(resourceId, status));

    private async Task<CommandResult<ResourceSnapshot>> SetResourceStatusCoreAsync(string resourceId, ResourceStatus status)
    {
        await SettleAsync();
        if (engine is null || !engine.HasResource(resourceId))
        {
            return CommandResult<ResourceSnapshot>.Fail(CommandError.NotFound, $"unknown resource '{resourceId}'");
        }

        var result = await GrainFactory.GetGrain<IServiceCenterGrain>(engine.CenterOf(resourceId)).SetStatusAsync(resourceId, status);
        if (result.Succeeded && result.Value!.StatusKind is { } parsed)
        {
            engine.SetResourceStatus(resourceId, parsed);
            if (parsed == ResourceStatus.Available)
            {
                await ServeQueueAsync();
            }
        }

        return result;
    }

    public Task<CommandResult<ResourceSnapshot>> SetResourcePositionAsync(string resourceId, GeoPoint position) =>
        PublishingAsync(() => SetResourcePositionCoreAsync(resourceId, position));

    private async Task<CommandResult<ResourceSnapshot>> SetResourcePositionCoreAsync(string resourceId, GeoPoint position)
    {
        await SettleAsync();
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
        await SettleAsync();
        if (engine is null || !engine.HasCenter(centerId))
        {
            return CommandResult<StockSnapshot>.Fail(CommandError.NotFound, $"unknown center '{centerId}'");
        }

        var result = await GrainFactory.GetGrain<IServiceCenterGrain>(centerId).AdjustStockAsync(sku, delta);
        if (result.Succeeded)
        {
            engine.SetStock(centerId, sku, result.Value!.OnHand, result.Value.Reserved);
            if (delta > 0)
            {
                await ServeQueueAsync();
            }
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
}
