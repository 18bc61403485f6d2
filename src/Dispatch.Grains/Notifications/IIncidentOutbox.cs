using System.Collections.Immutable;

namespace Dispatch.Grains.Notifications;

/// <summary>The case's side of notification delivery (implemented by the incident grain, same key).</summary>
public interface IIncidentOutbox : IGrainWithStringKey
{
    /// <summary>The pending messages, with the case's customer to address them to.</summary>
    Task<OutboxBatch> GetPendingNotificationsAsync();

    /// <summary>Records delivery rounds: each message replaces the stored one of its id if that is still pending.</summary>
    Task AcknowledgeNotificationsAsync(ImmutableArray<OutboxMessage> attempted);
}
