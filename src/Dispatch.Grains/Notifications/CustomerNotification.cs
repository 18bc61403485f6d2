using System.Text.Json;

namespace Dispatch.Grains.Notifications;

/// <summary>The JSON body posted to a webhook: what the customer of one case is told (docs/notifications.md
/// "The message").</summary>
/// <param name="Attempt">1 for the first post of the message; the id stays the same on every attempt.</param>
/// <param name="SentAt">When this attempt was sent (under the signature, unlike the timestamp header alone).</param>
public sealed record CustomerNotification(
    string Id,
    string Kind,
    string CaseId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset SentAt,
    int Attempt,
    NotifiedCustomer? Customer,
    string? UnitType,
    NotifiedCenter? Center,
    double? EtaMin,
    DateTimeOffset? ExpectedArrivalAt)
{
    // camelCase with every member present (null when unknown), so a receiver sees one shape for every kind.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CustomerNotification Of(OutboxBatch batch, OutboxMessage message, CenterDirectory.Entry? center, string? unitType, DateTimeOffset sentAt) => new(
        message.Id,
        message.Kind,
        batch.CaseId,
        message.CaseStatus,
        message.CreatedAt,
        sentAt,
        message.Attempts + 1,
        batch.Customer,
        unitType,
        message.CenterId is { } centerId ? new NotifiedCenter(centerId, center?.Name, center?.Phone) : null,
        message.EtaMin is { } eta ? Math.Round(eta, 1) : null,
        message.ExpectedArrivalAt);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

/// <summary>The center that serves the case, as the customer may call it.</summary>
public sealed record NotifiedCenter(string Id, string? Name, string? Phone);
