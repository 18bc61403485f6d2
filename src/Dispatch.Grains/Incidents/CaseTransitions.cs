namespace Dispatch.Grains.Incidents;

/// <summary>Which event may follow which status. Towing only when the unit came to tow.</summary>
public static class CaseTransitions
{
    public static readonly IReadOnlyList<string> EventTypes = [CaseStatus.Enroute, CaseStatus.OnScene, CaseStatus.Towing, CaseStatus.Completed, CaseStatus.Cancelled];

    private static readonly string[] Order = [CaseStatus.Open, CaseStatus.Dispatched, CaseStatus.Enroute, CaseStatus.OnScene, CaseStatus.Towing, CaseStatus.Completed];

    /// <summary>A case moves forward only, may skip steps once dispatched (a crew may report only that it is done),
    /// tows only in tow mode, and may be cancelled until it is closed. Nothing follows a closed case.</summary>
    public static bool IsAllowed(string status, string eventType, string? mode)
    {
        if (CaseStatus.IsTerminal(status))
        {
            return false;
        }

        if (eventType == CaseStatus.Cancelled)
        {
            return true;
        }

        if (status == CaseStatus.Open || (eventType == CaseStatus.Towing && mode != "tow"))
        {
            return false;
        }

        return Array.IndexOf(Order, eventType) > Array.IndexOf(Order, status);
    }
}
