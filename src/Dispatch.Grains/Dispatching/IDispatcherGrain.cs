using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Replication;
using Dispatch.Solver.Batch.Live;
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

    /// <summary>Dispatches the best unit, or, when no unit may take the incident, puts it in the waiting queue (answered
    /// <see cref="DispatchStatus.Unassignable"/> with <see cref="DispatchDecision.Queued"/>), to be dispatched as soon as
    /// an eligible unit frees up; the case is then told by <see cref="Incidents.IIncidentGrain.RecordQueuedDispatchAsync"/>.</summary>
    Task<DispatchDecision> DispatchOrQueueAsync(string incidentId, Incident incident);

    /// <summary>The waiting queue, in the order it is served.</summary>
    Task<ImmutableArray<QueuedCase>> GetQueueAsync();

    /// <summary>The case recorded the hold the queue made for it: no need to tell it again.</summary>
    Task QueueDispatchRecordedAsync(string incidentId);

    /// <summary>Swaps the incident's unit (and part) for another in one turn: the best other one, or the one named.
    /// <see cref="DispatchStatus.Dispatched"/> with the new hold, or the incident keeps the old one and the answer says
    /// why (<see cref="DispatchStatus.Conflict"/> with a fresh recommendation, or as a dispatch answers a named unit).</summary>
    Task<DispatchDecision> ReassignAsync(string incidentId, Incident incident, string? resourceId, string? mode, RecordedAssignment? recorded);

    /// <summary>The live network for a batch to be solved on outside this grain (<see cref="BatchRun"/>), and which of
    /// the given incidents already hold a unit. One short turn.</summary>
    Task<BatchSnapshot> GetBatchSnapshotAsync(ImmutableArray<string> incidentIds);

    /// <summary>Reserves a batch's assignments in order, each by the reservation sequence of a single dispatch; stops
    /// at the first that cannot be reserved as planned (a center refused, the unit or part was taken since the
    /// snapshot, the incident already holds a unit).</summary>
    Task<BatchReservations> ReserveBatchAsync(ImmutableArray<LiveBatchAssignment> assignments);

    /// <summary>Ends the incident's hold as done at the center that holds it; <paramref name="recorded"/> is the case's
    /// assignment, whose center is asked even when the dispatcher's map lacks the hold.</summary>
    Task<Reservation?> CompleteAsync(string incidentId, GeoPoint at, RecordedAssignment? recorded);

    /// <summary>Gives the incident's unit and part back; <paramref name="recorded"/> as for <see cref="CompleteAsync"/>.</summary>
    Task<Reservation?> ReleaseAsync(string incidentId, RecordedAssignment? recorded);

    Task<Reservation?> GetReservationAsync(string incidentId);

    /// <summary>Ends a hold the reconciler found stray, if its center still holds exactly it: committed where the job
    /// ended when <paramref name="jobEnd"/> is given, else released. False when the center no longer holds it.</summary>
    Task<bool> EndStrayHoldAsync(Reservation hold, GeoPoint? jobEnd);

    /// <summary>Holds again, at its center, the unit a case records but the center does not hold (the reconciler's
    /// repair); false when the unit is no longer free or the case's incident holds another.</summary>
    Task<bool> RestoreHoldAsync(Reservation recorded);

    Task<ImmutableArray<Reservation>> GetReservationsAsync();

    Task<NetworkDocument?> GetNetworkAsync();

    Task<CenterDocument?> GetCenterAsync(string centerId);

    Task<NetworkChange> ReplaceNetworkAsync(NetworkDocument document);

    Task<CommandResult<ResourceSnapshot>> SetResourceStatusAsync(string resourceId, ResourceStatus status);

    Task<CommandResult<ResourceSnapshot>> SetResourcePositionAsync(string resourceId, GeoPoint position);

    Task<CommandResult<StockSnapshot>> AdjustStockAsync(string centerId, string sku, int delta);
}
