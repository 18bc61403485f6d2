using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Orleans.Concurrency;

namespace Dispatch.Grains.Incidents;

/// <summary>One incident's case: request, assignment and timeline.</summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>Opens the case, or answers with it when the same request made it before (idempotent by id).</summary>
    Task<CaseResult> CreateAsync(IncidentRequest request, Incident incident, bool autoDispatch);

    Task<CaseView?> GetAsync();

    Task<CaseResult> DispatchAsync(string? resourceId, string? mode);

    /// <summary>Records a hold that was made for this case elsewhere (a batch dispatch).</summary>
    Task<CaseResult> RecordDispatchAsync(Reservation reservation);

    /// <summary>Records the hold the waiting queue made for this case (docs/waiting-and-reassign.md). One-way: the
    /// dispatcher never waits on a case; the case confirms with <see cref="Dispatching.IDispatcherGrain.QueueDispatchRecordedAsync"/>,
    /// or gives the unit back when it can no longer take it. Sent again until confirmed, so it must be idempotent.</summary>
    [OneWay]
    Task RecordQueuedDispatchAsync(Reservation reservation);

    /// <summary>Releases the case's unit and part and holds another (the best, or the one named), or keeps the old
    /// one and says why. <paramref name="reason"/> goes on the timeline.</summary>
    Task<CaseResult> ReassignAsync(string? resourceId, string? mode, string reason);

    /// <summary>Records a step of the case (<see cref="CaseTransitions"/> says which may follow which).</summary>
    Task<CaseResult> AddEventAsync(CaseStatusKind type, DateTimeOffset? at, GeoPoint? position);

    /// <summary>Erases the customer's name, phone, VIN and notes and the fingerprint key; the case, its timeline and
    /// KPIs stay. Idempotent. For <see cref="ErasureReason.Retention"/> only a closed case is erased.</summary>
    Task<CaseResult> EraseCustomerDataAsync(ErasureReason reason);
}
