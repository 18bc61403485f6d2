namespace Dispatch.Grains.Notifications;

/// <summary>Where a notification in a case's outbox stands (its <c>state</c> on the wire).</summary>
public static class NotificationStates
{
    /// <summary>Not yet taken by every configured webhook; retried with backoff.</summary>
    public const string Pending = "pending";

    /// <summary>Every configured webhook answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Given up after the configured number of attempts.</summary>
    public const string Failed = "failed";

    /// <summary>No webhook was configured when the change was written: recorded, never sent (a message sent hours
    /// later, once one is configured, would tell the customer something stale).</summary>
    public const string Skipped = "skipped";
}
