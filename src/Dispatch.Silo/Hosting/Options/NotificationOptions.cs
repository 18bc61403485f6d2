using Dispatch.Grains.Notifications;

namespace Dispatch.Silo.Hosting;

/// <summary>Customer notifications (section <c>Dispatch:Notifications</c>; docs/notifications.md): the webhooks they are
/// posted to and the retry policy. Without a webhook, notifications are recorded as <c>skipped</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Dispatch:Notifications";

    /// <summary>Every webhook gets every message (e.g. <c>Dispatch__Notifications__Webhooks__0__Url</c>).</summary>
    public List<WebhookOptions> Webhooks { get; set; } = [];

    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 15;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What the grains use; only for options that passed <see cref="NotificationOptionsValidator"/>.</summary>
    public NotificationSettings ToSettings() => new()
    {
        Webhooks = [.. Webhooks.Select(w => new WebhookTarget(new Uri(w.Url!, UriKind.Absolute), w.Secret!))],
        InitialRetryDelay = InitialRetryDelay,
        MaxRetryDelay = MaxRetryDelay,
        MaxAttempts = MaxAttempts,
        RequestTimeout = RequestTimeout,
    };
}

/// <summary>One webhook: where to post, and the secret the <c>X-Dispatch-Signature</c> HMAC is made with.</summary>
public sealed class WebhookOptions
{
    public string? Url { get; set; }

    public string? Secret { get; set; }
}
