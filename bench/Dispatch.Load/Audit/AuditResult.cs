namespace Dispatch.Load.Audit;

/// <summary>One broken invariant: a stable code to count by, what it is about, and what was seen.</summary>
public sealed record AuditViolation(string Code, string Subject, string Message);

public static class AuditCodes
{
    public const string LostIncident = "lost_incident";
    public const string UnreadableIncident = "unreadable_incident";
    public const string IndefiniteState = "indefinite_state";
    public const string StateWentBack = "acknowledged_state_lost";
    public const string AssignmentChanged = "assignment_changed";
    public const string HoldingWithoutAssignment = "open_case_without_assignment";
    public const string DoubleBooked = "resource_double_booked";
    public const string HeldResourceNotAssigned = "held_resource_not_assigned";
    public const string AssignedWithoutIncident = "assigned_resource_without_incident";
    public const string UnknownResource = "assignment_to_unknown_resource";
    public const string ReservedMismatch = "reserved_mismatch";
    public const string ReservedExceedsOnHand = "reserved_exceeds_on_hand";
    public const string NegativeStock = "negative_stock";
    public const string OnHandDrift = "on_hand_drift";
}

/// <summary>The audit's verdict and the figures it checked, so a pass can be seen to mean something.</summary>
public sealed record AuditResult(
    IReadOnlyList<AuditViolation> Violations,
    IReadOnlyList<string> Notes,
    AuditFigures Figures)
{
    public bool Passed => Violations.Count == 0;
}

public sealed record AuditFigures(
    int IncidentsCreated,
    int IncidentsRead,
    int HoldingAssignment,
    int Completed,
    int Cancelled,
    int StillOpenUndispatched,
    int PartsReservedChecked,
    int StockKeysChecked,
    long PartsConsumed,
    long AcceptedStockDelta);
