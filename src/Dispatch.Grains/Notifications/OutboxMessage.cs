using System.Collections.Immutable;

namespace Dispatch.Grains.Notifications;

/// <summary>A customer notification as the case stores it, written in the same state write as the change it tells
/// of. It holds no customer data: the customer is added from the case's sealed data when it is sent
/// (<see cref="OutboxBatch"/>), and the unit type and center from the network then.</summary>
/// <param name="Id">Unique, and the same on every attempt, so that receivers can drop repeats.</param>
/// <param name="CaseStatus">The case's status right after the change.</param>
/// <param name="ExpectedArrivalAt">Dispatch time plus <paramref name="EtaMin"/>.</param>
/// <param name="Attempts">Delivery rounds made so far (each posts to every webhook that has not taken it yet).</param>
/// <param name="LastError">Why the last round failed, naming the webhook by host only.</param>
/// <param name="NextAttemptAt">Not retried before then (backoff); null: at once.</param>
/// <param name="DeliveredTo">The <see cref="WebhookTarget.Key"/>s that took it.</param>
[GenerateSerializer, Immutable]
public sealed record OutboxMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string CaseStatus,
    [property: Id(4)] string? ResourceId,
    [property: Id(5)] string? CenterId,
    [property: Id(6)] double? EtaMin,
    [property: Id(7)] DateTimeOffset? ExpectedArrivalAt,
    [property: Id(8)] string State,
    [property: Id(9)] int Attempts = 0,
    [property: Id(10)] string? LastError = null,
    [property: Id(11)] DateTimeOffset? NextAttemptAt = null,
    [property: Id(12)] DateTimeOffset? DeliveredAt = null,
    [property: Id(13)] ImmutableList<string>? DeliveredTo = null)
{
    public bool IsPending => State == NotificationStates.Pending;

    public NotificationView ToView() => new(Id, Kind, CreatedAt, State, Attempts, LastError);
}

/// <summary>A notification as <c>GET /v1/incidents/{id}</c> shows it: where it stands, never what it says.</summary>
[GenerateSerializer, Immutable]
public sealed record NotificationView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string State,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? LastError);

/// <summary>The case's customer as a notification addresses them.</summary>
[GenerateSerializer, Immutable]
public sealed record NotifiedCustomer([property: Id(0)] string? Name, [property: Id(1)] string? Phone);

/// <summary>What the case hands its delivery grain: its pending messages and its own customer, unsealed in memory
/// only; the customer of no other case can reach a message, since each case answers for itself.</summary>
[GenerateSerializer, Immutable]
public sealed record OutboxBatch(
    [property: Id(0)] string CaseId,
    [property: Id(1)] NotifiedCustomer? Customer,
    [property: Id(2)] ImmutableArray<OutboxMessage> Pending);
