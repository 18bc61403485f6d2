using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Dispatch.Silo.Metrics;

/// <summary><c>GET /metrics</c>: the Dispatch meter, ASP.NET Core's HTTP server metrics and the .NET runtime's, as Prometheus text.</summary>
public static class MetricsHosting
{
    public const string Path = "/metrics";

    /// <summary>The <c>service_name</c> of <c>target_info</c>.</summary>
    public const string ServiceName = "dispatch";

    // Meters that ASP.NET Core and the runtime publish themselves (.NET 8+ and .NET 9+): listening to them is all
    // the instrumentation packages would do. Their labels are route templates, methods and status codes, never
    // a request's path or body.
    private static readonly string[] BuiltInMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Runtime",
    ];

    public static WebApplicationBuilder AddDispatchMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DispatchMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(DispatchMetrics.MeterName)
                .AddMeter(BuiltInMeters)
                // No response cache: a scrape shows every count recorded before it.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Anonymous: scrapers rarely carry keys, and nothing in it names a customer, a case or a unit.</summary>
    public static WebApplication MapDispatchMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
        return app;
    }
}
