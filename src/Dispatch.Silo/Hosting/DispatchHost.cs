using Dispatch.Silo.Auth;
using Dispatch.Silo.Endpoints;
using Dispatch.Silo.Metrics;
using Dispatch.Silo.Problems;
using Dispatch.Silo.Storage;

namespace Dispatch.Silo.Hosting;

/// <summary>The host's wiring in two calls, so <c>Program</c> stays a table of contents.</summary>
public static class DispatchHost
{
    public static WebApplicationBuilder AddDispatchHost(this WebApplicationBuilder builder)
    {
        // No --urls / ASPNETCORE_URLS / Kestrel endpoints given: listen on loopback only.
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.HttpsPortsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DispatchSettings.DefaultUrl);
        }

        var dataDirectory = DataDirectory.FromConfiguration(builder.Configuration);
        var storage = StorageSettings.FromConfiguration(builder.Configuration, dataDirectory);
        builder.Services.AddSingleton(dataDirectory);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RequestBodyLimits>();

        builder.AddDispatchProblems();
        builder.AddDispatchDataProtection(dataDirectory);
        builder.AddDispatchOrleans(storage);
        builder.AddDispatchAuth();
        builder.AddDispatchHealth();
        builder.AddDispatchOpenApi();
        builder.AddDispatchMetrics();
        return builder;
    }

    public static WebApplication UseDispatchHost(this WebApplication app)
    {
        app.UseDispatchProblems();
        app.UseMiddleware<RequestBodyLimits>();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapDispatchHealth();
        app.MapDispatchOpenApi();
        app.MapDispatchMetrics();
        app.MapAdminKeyEndpoints();
        app.PrintStartupBanner();
        return app;
    }
}
