using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Incidents;

/// <summary>Persisted case. New members take new ids; old ids keep their meaning so that earlier states still load.</summary>
/// <remarks>
/// Version 1 kept the customer's data in plain text in <see cref="Request"/> and <see cref="Fingerprint"/>.
/// Version 2 (since <see cref="SealedCustomerData"/>) keeps <see cref="Request"/> without customer, VIN and notes,
/// those sealed with Data Protection in <see cref="SealedCustomerData"/>, and only a keyed hash of the fingerprint in
/// <see cref="FingerprintHash"/>. A version 1 state is read as it is and written back as version 2 on its next change.
/// </remarks>
[GenerateSerializer]
public sealed class IncidentCaseState
{
    /// <summary>The request as stored: in version 2 without <c>customer</c>, <c>vin</c> and <c>notes</c>.</summary>
    [Id(0)] public IncidentRequest? Request { get; set; }
    [Id(1)] public Incident? Incident { get; set; }
    /// <summary>The wire name of the status, as states written before store it; code reads <see cref="StatusKind"/>.</summary>
    [Id(2)] public string Status { get; set; } = CaseStatus.Open;
    [Id(3)] public AssignmentView? Assignment { get; set; }
    [Id(4)] public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>Version 1 only: the request as first received, in plain text. Null once the case is sealed.</summary>
    [Id(5)] public string? Fingerprint { get; set; }

    /// <summary>Customer, VIN, notes and the case's fingerprint key, sealed by <see cref="CustomerDataProtector"/>.</summary>
    [Id(6)] public byte[]? SealedCustomerData { get; set; }

    /// <summary>HMAC-SHA256 of the request as first received (to tell a retry from a different request with the
    /// same id), keyed by the fingerprint key inside <see cref="SealedCustomerData"/>.</summary>
    [Id(7)] public byte[]? FingerprintHash { get; set; }

    /// <summary>Customer notifications, written with the change they tell of (docs/notifications.md); no customer data.</summary>
    [Id(12)] public List<Notifications.OutboxMessage> Outbox { get; set; } = [];
    /// <summary>When the customer data was erased (on request or by retention); the case, its timeline and KPIs stay.</summary>
    [Id(14)] public DateTimeOffset? CustomerErasedAt { get; set; }
    /// <summary>Waits in the dispatcher's queue for a unit to free up (docs/waiting-and-reassign.md); shown only while open.</summary>
    [Id(10)] public bool Waiting { get; set; }
    /// <summary>The highest escalation level the case reached (0: none); see <see cref="CaseSla"/>.</summary>
    [Id(8)] public int EscalationLevel { get; set; }

    /// <summary>Whether the case was marked overdue (not closed within the standard); see <see cref="CaseSla"/>.</summary>
    [Id(9)] public bool Overdue { get; set; }

    public bool Exists => Request is not null;

    /// <summary>The status as an enum; null for a name no version of the silo wrote.</summary>
    public CaseStatusKind? StatusKind => CaseStatus.KindOf(Status);

    /// <summary>Whether the state is in the version 2 layout (customer data sealed, or erased).</summary>
    public bool IsSealed => SealedCustomerData is not null || CustomerErasedAt is not null;

    public IncidentCaseState Clone() => new()
    {
        Request = Request,
        Incident = Incident,
        Status = Status,
        Assignment = Assignment,
        Timeline = [.. Timeline],
        Fingerprint = Fingerprint,
        SealedCustomerData = SealedCustomerData,
        FingerprintHash = FingerprintHash,
        Outbox = [.. Outbox],
        CustomerErasedAt = CustomerErasedAt,
        Waiting = Waiting,
        EscalationLevel = EscalationLevel,
        Overdue = Overdue,
    };
}
