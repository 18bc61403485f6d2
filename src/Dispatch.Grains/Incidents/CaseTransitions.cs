namespace Dispatch.Grains.Incidents;

/// <summary>Which event may follow which status. Towing only when the unit came to tow.</summary>
public static class CaseTransitions
{
    public static readonly IReadOnlyList<string> EventTypes = [CaseStatus.Enroute, CaseStatus.OnScene, CaseStatus.Towing, CaseStatus.Completed, CaseStatus.Cancelled];

    public static bool IsAllowed(string status, string eventType, string? mode) => (status, eventType) switch
    {
        (CaseStatus.Open, CaseStatus.Cancelled) => true,
        (CaseStatus.Dispatched, CaseStatus.Enroute or CaseStatus.Cancelled) => true,
        (CaseStatus.Enroute, CaseStatus.OnScene or CaseStatus.Cancelled) => true,
        (CaseStatus.OnScene, CaseStatus.Towing) => mode == "tow",
        (CaseStatus.OnScene, CaseStatus.Completed or CaseStatus.Cancelled) => true,
        (CaseStatus.Towing, CaseStatus.Completed) => true,
        _ => false,
    };
}
