using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dispatch.Silo.Hosting;

/// <summary>Once listening, says where: the API, its OpenAPI document and UI, and the admin key file.</summary>
public static class StartupBanner
{
    public static WebApplication PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dispatch.Silo");
            var dataDirectory = app.Services.GetRequiredService<DataDirectory>();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var url = addresses?.FirstOrDefault() ?? DispatchSettings.DefaultUrl;
            var root = url.TrimEnd('/');
            logger.Listening(url, root + "/openapi/v1.json", root + "/scalar", dataDirectory.Path, dataDirectory.AdminKeyFile);
        });
        return app;
    }
}
