using Dispatch.Silo.Metrics;

namespace Dispatch.Silo.Telemetry;

/// <summary>Counts the silo status changes this silo learns of (<c>dispatch_membership_changes_total{status}</c>): a silo
/// joining, turning active, shutting down or declared dead. Subscribed from the silo's start to its stop.</summary>
public sealed class MembershipMetrics(ISiloStatusOracle oracle, OperationsMetrics metrics)
    : ISiloStatusListener, ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            nameof(MembershipMetrics),
            ServiceLifecycleStage.RuntimeServices,
            _ =>
            {
                oracle.SubscribeToSiloStatusEvents(this);
                return Task.CompletedTask;
            },
            _ =>
            {
                oracle.UnSubscribeFromSiloStatusEvents(this);
                return Task.CompletedTask;
            });
    }

    public void SiloStatusChangeNotification(SiloAddress updatedSilo, SiloStatus status) =>
        metrics.RecordMembershipChange(status.ToString());
}
