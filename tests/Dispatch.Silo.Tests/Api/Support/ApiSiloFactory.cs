using Dispatch.Silo.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>
/// Boots the real <c>Program</c> like the harness's factory does, with what the API tests need on top:
/// the seed network setting, extra settings and, when asked, every log entry captured.
/// </summary>
internal sealed class ApiSiloFactory : WebApplicationFactory<Program>
{
    private readonly SiloOptions options;
    private readonly string seedNetwork;
    private readonly CapturedLogs? logs;
    private readonly IReadOnlyDictionary<string, string?> settings;

    public ApiSiloFactory(SiloOptions options, string seedNetwork, CapturedLogs? logs, IReadOnlyDictionary<string, string?> settings)
    {
        this.options = options;
        this.seedNetwork = seedNetwork;
        this.logs = logs;
        this.settings = settings;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in options.ToSettings())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Dispatch:SeedNetwork", seedNetwork);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            if (logs is null)
            {
                return;
            }

            // Debug and up, everywhere: more than an operator would see, so a leak cannot hide below the default level.
            // A provider rule beats the configured category rules ("Orleans": "Warning", ...).
            logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
            logging.AddProvider(logs);
        });
    }
}
