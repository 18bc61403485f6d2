using Dispatch.Grains.Incidents;

namespace Dispatch.Grains.Notifications;

/// <summary>What a customer notification is about (its <c>kind</c> on the wire): the case changes the customer is told of.</summary>
public static class NotificationKinds
{
    public const string Dispatched = "dispatched";
    public const string Reassigned = "reassigned";
    public const string OnScene = "onscene";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    /// <summary>The kind an event of the case is told as; null for the steps the customer is not told of
    /// (<c>enroute</c> and <c>towing</c> follow from what they were told already).</summary>
    public static string? OfEvent(CaseStatusKind type) => type switch
    {
        CaseStatusKind.OnScene => OnScene,
        CaseStatusKind.Completed => Completed,
        CaseStatusKind.Cancelled => Cancelled,
        _ => null,
    };
}
