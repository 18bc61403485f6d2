using Orleans.Concurrency;

namespace Dispatch.Grains.Notifications;

/// <summary>Posts one case's notifications to the webhooks (key: the incident id), retrying with backoff while any is
/// pending; a reminder on itself brings it back after a restart.</summary>
public interface INotificationDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Something was added to the case's outbox (or the case woke with messages pending). One-way: the case
    /// must not wait for the delivery grain, which calls it back.</summary>
    [OneWay]
    Task KickAsync();
}
