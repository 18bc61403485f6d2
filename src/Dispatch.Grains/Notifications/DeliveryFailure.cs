using System.Collections.Frozen;
using System.Net;

namespace Dispatch.Grains.Notifications;

/// <summary>Why a post failed, as a metric label and as the <c>lastError</c> a case shows (the webhook named by host).</summary>
public sealed record DeliveryFailure(string Reason, string Error)
{
    public const string Http4xx = "http_4xx";
    public const string Http5xx = "http_5xx";
    public const string HttpOther = "http_other";
    public const string Timeout = "timeout";
    public const string Connection = "connection";
    public const string GaveUp = "gave_up";
    public const string Other = "other";

    public static readonly FrozenSet<string> Reasons = new[] { Http4xx, Http5xx, HttpOther, Timeout, Connection, GaveUp, Other }.ToFrozenSet(StringComparer.Ordinal);

    public static DeliveryFailure Status(WebhookTarget target, HttpStatusCode status)
    {
        var code = (int)status;
        var reason = code switch
        {
            >= 400 and < 500 => Http4xx,
            >= 500 and < 600 => Http5xx,
            _ => HttpOther,
        };
        return new(reason, $"{target.Host} answered HTTP {code}");
    }

    public static DeliveryFailure TimedOut(WebhookTarget target, TimeSpan after) =>
        new(Timeout, $"{target.Host} did not answer within {after.TotalSeconds:0.#} s");

    // The exception's own message is left out: it is the platform's wording and may quote more of the url than the host.
    public static DeliveryFailure Unreachable(WebhookTarget target, HttpRequestError error) =>
        new(Connection, $"{target.Host} could not be reached ({error})");
}
