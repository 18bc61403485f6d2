using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Incidents;

/// <summary>Which event may follow which status. Towing only when the unit came to tow.</summary>
public static class CaseTransitions
{
    /// <summary>The events a client may report, by their wire names.</summary>
    public static readonly IReadOnlyList<string> EventTypes = [CaseStatus.Enroute, CaseStatus.OnScene, CaseStatus.Towing, CaseStatus.Completed, CaseStatus.Cancelled];

    /// <summary>A case moves forward only, may skip steps once dispatched (a crew may report only that it is done),
    /// tows only in tow mode, and may be cancelled until it is closed. Nothing follows a closed case.</summary>
    /// <param name="status">The case's status; null for a stored name no version of the silo wrote, which ranks
    /// before every status (as the string comparison it replaces did).</param>
    public static bool IsAllowed(CaseStatusKind? status, CaseStatusKind eventType, DispatchMode? mode)
    {
        if (status.IsTerminal())
        {
            return false;
        }

        if (eventType == CaseStatusKind.Cancelled)
        {
            return true;
        }

        if (status == CaseStatusKind.Open || (eventType == CaseStatusKind.Towing && mode != DispatchMode.Tow))
        {
            return false;
        }

        return Rank(eventType) > Rank(status);
    }

    // The order a case goes through; cancelled is not on it (it may end any open case, handled above).
    private static int Rank(CaseStatusKind? status) => status switch
    {
        CaseStatusKind.Open => 0,
        CaseStatusKind.Dispatched => 1,
        CaseStatusKind.Enroute => 2,
        CaseStatusKind.OnScene => 3,
        CaseStatusKind.Towing => 4,
        CaseStatusKind.Completed => 5,
        _ => -1,
    };
}
