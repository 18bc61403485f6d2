using Dispatch.Silo.Auth;
using Dispatch.Silo.Endpoints;
using Dispatch.Silo.Metrics;
using Dispatch.Silo.Problems;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.Options;

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

        // Which storage, which ports and which directories decide the wiring, so they are read (and checked) now;
        // the rest is checked when the host starts. Either way a bad value stops the silo, naming the setting.
        var data = builder.ReadSettings<DataOptions>(DataOptions.Section, o => new DataOptionsValidator().Validate(null, o));
        var keyRing = builder.ReadSettings<KeyRingOptions>(KeyRingOptions.Section, _ => ValidateOptionsResult.Success);
        var storageOptions = builder.ReadSettings<StorageOptions>(StorageOptions.Section, o => new StorageOptionsValidator().Validate(null, o));
        var cluster = builder.ReadSettings<SiloClusterOptions>(SiloClusterOptions.Section, SiloClusterOptionsValidator.ValidateAll);
        builder.AddSettings<BodyLimitOptions>(BodyLimitOptions.Section, SettingsRegistration.Annotations);
        builder.AddSettings<ApiKeyCacheOptions>(ApiKeyCacheOptions.Section, SettingsRegistration.Annotations);

        var dataDirectory = DataDirectory.From(data);
        var storage = StorageSettings.From(storageOptions, dataDirectory);
        if (storage.SqliteFile is { } sqliteFile)
        {
            DataDirectory.PreparePrivateDatabaseFile(sqliteFile);
        }

        builder.Services.AddSingleton(dataDirectory);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RequestBodyLimits>();

        builder.AddDispatchProblems();
        builder.AddDispatchDataProtection(dataDirectory, keyRing);
        builder.AddDispatchOrleans(storage, cluster);
        builder.AddDispatchAuth();
        builder.AddDispatchHealth();
        builder.AddDispatchOpenApi();
        builder.AddDispatchMetrics();
        builder.AddDispatchTelemetry();
        builder.AddDispatchRateLimits();
        return builder;
    }

    public static WebApplication UseDispatchHost(this WebApplication app)
    {
        app.UseDispatchProblems();
        app.UseDispatchConsole();
        app.UseMiddleware<RequestBodyLimits>();
        app.UseAuthentication();
        app.UseDispatchCaller();
        app.UseDispatchRateLimits();
        app.UseAuthorization();

        app.MapDispatchHealth();
        app.MapDispatchOpenApi();
        app.MapDispatchMetrics();
        app.MapAdminKeyEndpoints();
        app.MapMeEndpoints();
        app.PrintStartupBanner();
        return app;
    }
}
