using System.Diagnostics.Metrics;

namespace Dispatch.Grains.Notifications;

/// <summary>Webhook deliveries on the host's <c>Dispatch</c> meter (exported at <c>/metrics</c> as
/// <c>dispatch_notifications_delivered_total</c> and <c>dispatch_notification_failures_total</c>). The one label is a
/// small fixed set: never a case, a customer or a webhook's address.</summary>
public sealed class NotificationMetrics
{
    /// <summary>The meter the host exports; the factory hands every caller of a name the same meter.</summary>
    public const string MeterName = "Dispatch";

    private readonly Counter<long> delivered;
    private readonly Counter<long> failures;

    public NotificationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        delivered = meter.CreateCounter<long>(
            "dispatch.notifications.delivered", "{message}", "Customer notifications a webhook took (2xx), one per message and webhook.");
        failures = meter.CreateCounter<long>(
            "dispatch.notification.failures", "{attempt}", "Webhook posts of customer notifications that failed, by reason (http_4xx, http_5xx, timeout, connection, gave_up).");
    }

    public void RecordDelivered() => delivered.Add(1);

    public void RecordFailure(string reason) =>
        failures.Add(1, new KeyValuePair<string, object?>("reason", DeliveryFailure.Reasons.Contains(reason) ? reason : DeliveryFailure.Other));
}
