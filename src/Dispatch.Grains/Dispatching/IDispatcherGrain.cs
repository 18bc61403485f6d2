using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Replication;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Orleans.Concurrency;

namespace Dispatch.Grains.Dispatching;

/// <summary>Holds the network's availability and coverage index and makes every decision that changes it, one at a
/// time, so that after a dispatch answer the next recommendation sees it.</summary>
public interface IDispatcherGrain : IGrainWithStringKey
{
    /// <summary>Recommendations only read, so they may run while a dispatch waits on its center. Incident and
    /// answer travel as <see cref="Immutable{T}"/>: neither side changes them, and copying them through the JSON
    /// codec would cost more than the recommendation itself. Callers use <see cref="DispatcherGrainExtensions.RecommendAsync"/>.</summary>
    [AlwaysInterleave]
    Task<Immutable<RecommendationResult?>> RecommendSharedAsync(Immutable<Incident> incident, RecommendationQuery query);

    /// <summary>The region code of a point; empty when no network is loaded, null outside the served area.</summary>
    [AlwaysInterleave]
    Task<string?> RegionOfAsync(GeoPoint point);

    /// <summary>A silo's engine replica renews its lease and registers to be told of changes; the answer carries a
    /// snapshot when the replica is not current (docs/architecture.md "Recommendation replicas").</summary>
    [AlwaysInterleave]
    Task<ReplicaLease> RenewReplicaAsync(IEngineReplicaObserver replica, string silo, Guid epoch, long version);

    Task<DispatchDecision> DispatchAsync(string incidentId, Incident incident, string? resourceId, string? mode);

    /// <summary>Assigns a surge batch jointly (docs/dispatch-semantics.md "Batch (surge)"); with commit, reserves every
    /// assignment through its center and re-solves what is left when a center refuses.</summary>
    Task<BatchDecision> DispatchBatchAsync(ImmutableArray<BatchIncident> incidents, bool commit, int? timeLimitMs);

    Task<Reservation?> CompleteAsync(string incidentId, GeoPoint at);

    Task<Reservation?> ReleaseAsync(string incidentId);

    Task<Reservation?> GetReservationAsync(string incidentId);

    Task<ImmutableArray<Reservation>> GetReservationsAsync();

    Task<NetworkDocument?> GetNetworkAsync();

    Task<CenterDocument?> GetCenterAsync(string centerId);

    Task<NetworkChange> ReplaceNetworkAsync(NetworkDocument document);

    Task<CommandResult<ResourceSnapshot>> SetResourceStatusAsync(string resourceId, ResourceStatus status);

    Task<CommandResult<ResourceSnapshot>> SetResourcePositionAsync(string resourceId, GeoPoint position);

    Task<CommandResult<StockSnapshot>> AdjustStockAsync(string centerId, string sku, int delta);
}
