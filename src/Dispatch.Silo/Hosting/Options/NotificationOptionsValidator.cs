using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>Each webhook an absolute http(s) url with a secret; delays, attempts and timeout positive.</summary>
public static class NotificationOptionsValidator
{
    public static ValidateOptionsResult ValidateAll(NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var key = $"{NotificationOptions.Section}:Webhooks:{i}";
            var webhook = options.Webhooks[i];
            if (!Uri.TryCreate(webhook?.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                // The value is not quoted: a webhook url may carry a token.
                builder.AddError($"{key}:Url must be an absolute http or https url.");
            }

            if (string.IsNullOrWhiteSpace(webhook?.Secret))
            {
                builder.AddError($"{key}:Secret is required: receivers check each message's signature with it.");
            }
        }

        if (options.InitialRetryDelay <= TimeSpan.Zero)
        {
            builder.AddError($"{NotificationOptions.Section}:InitialRetryDelay must be positive (was {options.InitialRetryDelay}).");
        }

        if (options.MaxRetryDelay < options.InitialRetryDelay)
        {
            builder.AddError($"{NotificationOptions.Section}:MaxRetryDelay must be at least InitialRetryDelay (was {options.MaxRetryDelay}).");
        }

        if (options.MaxAttempts < 1)
        {
            builder.AddError($"{NotificationOptions.Section}:MaxAttempts must be at least 1 (was {options.MaxAttempts}).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            builder.AddError($"{NotificationOptions.Section}:RequestTimeout must be positive (was {options.RequestTimeout}).");
        }

        return builder.Build();
    }
}
