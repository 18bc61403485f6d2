using System.Collections.Immutable;

namespace Dispatch.Grains.Notifications;

/// <summary>Where and how customer notifications are delivered; the host builds it from <c>Dispatch:Notifications</c>.</summary>
public sealed record NotificationSettings
{
    public ImmutableArray<WebhookTarget> Webhooks { get; init; } = [];

    /// <summary>The backoff before the second attempt; it doubles with each attempt after.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is given up as <see cref="NotificationStates.Failed"/>.</summary>
    public int MaxAttempts { get; init; } = 15;

    /// <summary>How long one post may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether messages are sent at all; without a webhook they are recorded as <see cref="NotificationStates.Skipped"/>.</summary>
    public bool Enabled => !Webhooks.IsDefaultOrEmpty;
}
