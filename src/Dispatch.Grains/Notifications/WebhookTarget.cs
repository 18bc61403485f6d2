using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Grains.Notifications;

/// <summary>A webhook that customer notifications are posted to, and the secret their signature is made with.</summary>
public sealed record WebhookTarget
{
    public WebhookTarget(Uri url, string secret)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Url = url;
        Secret = secret;
        // A hash, not the url: a url may carry a token, and the key is stored with each message it took.
        Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..16];
    }

    public Uri Url { get; }

    public string Secret { get; }

    /// <summary>Names the webhook in a message's stored <see cref="OutboxMessage.DeliveredTo"/>.</summary>
    public string Key { get; }

    /// <summary>Names the webhook in errors and logs: the host only, never the path or query.</summary>
    public string Host => Url.IsDefaultPort ? Url.Host : $"{Url.Host}:{Url.Port}";

    // The secret stays out of anything that prints a target.
    public override string ToString() => Host;
}
