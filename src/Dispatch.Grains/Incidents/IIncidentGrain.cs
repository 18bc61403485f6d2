using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

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

    /// <summary>Records a step of the case (<see cref="CaseTransitions"/> says which may follow which).</summary>
    Task<CaseResult> AddEventAsync(CaseStatusKind type, DateTimeOffset? at, GeoPoint? position);

    /// <summary>Erases the customer's name, phone, VIN and notes and the fingerprint key; the case, its timeline and
    /// KPIs stay. Idempotent. For <see cref="ErasureReason.Retention"/> only a closed case is erased.</summary>
    Task<CaseResult> EraseCustomerDataAsync(ErasureReason reason);
}
