using Dispatch.TestKit.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.TestKit.Silos;

/// <summary>Boots the real <c>Program</c> (real Orleans silo, real storage) on a real Kestrel socket.</summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    private readonly SiloOptions options;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly CapturedLogs? logs;
    private readonly SiloLogs logLevel;
    private readonly Action<IServiceCollection>? testServices;

    public SiloFactory(
        SiloOptions options,
        IReadOnlyDictionary<string, string?>? settings = null,
        CapturedLogs? logs = null,
        SiloLogs logLevel = SiloLogs.None,
        Action<IServiceCollection>? testServices = null)
    {
        this.options = options;
        this.settings = settings ?? new Dictionary<string, string?>();
        this.logs = logs;
        this.logLevel = logs is null ? SiloLogs.None : logLevel;
        this.testServices = testServices;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in options.ToSettings())
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Nothing on the console; what is asked for is kept for privacy checks.
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            switch (logLevel)
            {
                case SiloLogs.HostAndDispatch:
                    logging.AddProvider(logs!);
                    logging.SetMinimumLevel(LogLevel.Information);
                    logging.AddFilter("Microsoft.AspNetCore", LogLevel.Debug);
                    logging.AddFilter("Dispatch", LogLevel.Debug);
                    break;
                case SiloLogs.Everything:
                    // A provider rule beats the configured category rules ("Orleans": "Warning", ...).
                    logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
                    logging.AddProvider(logs!);
                    break;
                case SiloLogs.None:
                    break;
            }
        });
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
