using System.Collections.Immutable;

namespace Dispatch.Grains.Reconciliation;

/// <summary>What a reconciler pass found: repairs by kind (<see cref="FixKinds"/>), holds left alone because they are
/// younger than the grace period, and inconsistencies it could not repair (left for an agent, and logged).</summary>
[GenerateSerializer, Immutable]
public sealed record ReconcileReport(
    [property: Id(0)] ImmutableDictionary<string, int> Fixes,
    [property: Id(1)] int HoldsChecked,
    [property: Id(2)] int CasesChecked,
    [property: Id(3)] int TooYoung,
    [property: Id(4)] int Unresolved)
{
    public static ReconcileReport Empty { get; } = new(ImmutableDictionary<string, int>.Empty, 0, 0, 0, 0);

    public int FixesOf(string kind) => Fixes.GetValueOrDefault(kind);
}

/// <summary>The kinds of repair, as the metric's <c>kind</c> label names them.</summary>
public static class FixKinds
{
    /// <summary>A hold whose incident has no case (the case was never written): released.</summary>
    public const string OrphanHold = "orphan_hold";

    /// <summary>A hold of a case that is closed: committed if the case completed, released if it was cancelled.</summary>
    public const string ClosedCaseHold = "closed_case_hold";

    /// <summary>A hold of a unit other than the one the case records: released.</summary>
    public const string OtherUnitHold = "other_unit_hold";

    /// <summary>A hold that an open case never recorded (the silo died between the center and the case): recorded,
    /// as the client's own retry would have.</summary>
    public const string UnrecordedHold = "unrecorded_hold";

    /// <summary>An active case whose recorded unit its center does not hold: held again.</summary>
    public const string UnheldAssignment = "unheld_assignment";

    public static ImmutableArray<string> All { get; } = [OrphanHold, ClosedCaseHold, OtherUnitHold, UnrecordedHold, UnheldAssignment];
}
