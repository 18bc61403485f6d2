using Dispatch.Grains.Notifications;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>Customer notifications: their settings, the HTTP client that posts them, the network lookup and the metrics.</summary>
public static class NotificationHosting
{
    public static WebApplicationBuilder AddDispatchNotifications(this WebApplicationBuilder builder)
    {
        builder.AddSettings<NotificationOptions>(NotificationOptions.Section, NotificationOptionsValidator.ValidateAll);
        builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<NotificationOptions>>().Value.ToSettings());
        // The grain's own timeout bounds each post; the client's would only cut it shorter.
        builder.Services.AddHttpClient(NotificationDeliveryGrain.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<CenterDirectory>();
        builder.Services.AddSingleton<NotificationMetrics>();
        return builder;
    }
}
