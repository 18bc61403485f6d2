using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Grains.Notifications;

/// <summary>The headers of a webhook post (docs/notifications.md "Checking a message").</summary>
public static class WebhookSignature
{
    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body under the webhook's secret.</summary>
    public const string SignatureHeader = "X-Dispatch-Signature";

    /// <summary>The message id, the same on every attempt: receivers drop a message whose id they have seen.</summary>
    public const string MessageIdHeader = "X-Dispatch-Message-Id";

    /// <summary>Unix seconds when this attempt was sent; the body's <c>sentAt</c> says the same under the signature.</summary>
    public const string TimestampHeader = "X-Dispatch-Timestamp";

    /// <summary>Which attempt this is (1 for the first).</summary>
    public const string AttemptHeader = "X-Dispatch-Attempt";

    public const string Scheme = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
