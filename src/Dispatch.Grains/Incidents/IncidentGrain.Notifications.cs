using System.Collections.Immutable;
using Dispatch.Grains.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Incidents;

/// <summary>The case's outbox of customer notifications (docs/notifications.md): a message is added inside the state
/// change it tells of, so the change and the promise to tell the customer are one write; the delivery grain of the
/// same key sends it after.</summary>
public sealed partial class IncidentGrain : IIncidentOutbox
{
    private NotificationSettings? notificationSettings;

    /// <summary>Set by a change that added a message; the write that stores it then kicks delivery.</summary>
    private bool notificationAdded;

    /// <summary>A silo wired without notifications (a bare test cluster) has no webhook: its messages are skipped.</summary>
    private NotificationSettings NotificationSettings => notificationSettings ??= ServiceProvider.GetService<NotificationSettings>() ?? new NotificationSettings();

    private INotificationDeliveryGrain Delivery => GrainFactory.GetGrain<INotificationDeliveryGrain>(Id);

    /// <summary>Adds a message of <paramref name="kind"/> about the case as <paramref name="s"/> has it now (unit, center,
    /// ETA of its assignment). Call inside the <c>UpdateAsync</c> change, after the change itself.</summary>
    private void Notify(IncidentCaseState s, string kind)
    {
        var now = time.GetUtcNow();
        // Arrival, completion and cancellation name the unit and center but no ETA: the wait is over.
        var assignment = s.Assignment;
        var withEta = kind is NotificationKinds.Dispatched or NotificationKinds.Reassigned && assignment is not null;
        s.Outbox.Add(new OutboxMessage(
            Guid.CreateVersion7(now).ToString("N"),
            kind,
            now,
            s.Status,
            assignment?.ResourceId,
            assignment?.CenterId,
            withEta ? assignment!.EtaMin : null,
            withEta ? assignment!.DispatchedAt.AddMinutes(assignment.EtaMin) : null,
            NotificationSettings.Enabled ? NotificationStates.Pending : NotificationStates.Skipped));
        notificationAdded |= NotificationSettings.Enabled;
    }

    /// <summary>As <see cref="Notify"/>, for the events the customer is told of (arrival, completion, cancellation).</summary>
    private void NotifyOnEvent(IncidentCaseState s, CaseStatusKind type)
    {
        if (NotificationKinds.OfEvent(type) is { } kind)
        {
            Notify(s, kind);
        }
    }

    /// <summary>After a write: delivery starts once storage has the message, never before.</summary>
    private void KickNotificationDelivery()
    {
        if (notificationAdded)
        {
            notificationAdded = false;
            Delivery.KickAsync().Ignore();
        }
    }

    /// <summary>On activation (after a restart, or after the grain was collected): what is still pending goes out.</summary>
    private void ResumeNotificationDelivery()
    {
        if (NotificationSettings.Enabled && state.State.Outbox.Exists(m => m.IsPending))
        {
            Delivery.KickAsync().Ignore();
        }
    }

    private ImmutableArray<NotificationView> NotificationViews() => [.. state.State.Outbox.Select(m => m.ToView())];

    public Task<OutboxBatch> GetPendingNotificationsAsync()
    {
        // The case's own customer, from its own sealed data (unsealed in memory at activation): nobody else's can reach here.
        var customer = customerData?.Customer is { } c ? new NotifiedCustomer(c.Name, c.Phone) : null;
        return Task.FromResult(new OutboxBatch(Id, customer, [.. state.State.Outbox.Where(m => m.IsPending)]));
    }

    public async Task AcknowledgeNotificationsAsync(ImmutableArray<OutboxMessage> attempted)
    {
        var byId = attempted.ToDictionary(m => m.Id, StringComparer.Ordinal);
        if (!state.State.Outbox.Exists(m => m.IsPending && byId.ContainsKey(m.Id)))
        {
            return;
        }

        await UpdateAsync(s =>
        {
            for (var i = 0; i < s.Outbox.Count; i++)
            {
                if (s.Outbox[i].IsPending && byId.TryGetValue(s.Outbox[i].Id, out var updated))
                {
                    s.Outbox[i] = updated;
                }
            }
        });
    }
}
