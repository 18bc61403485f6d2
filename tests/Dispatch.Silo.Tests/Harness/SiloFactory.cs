using Dispatch.Silo.Tests.Grains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Dispatch.Silo.Tests.Harness;

/// <summary>Boots the real <c>Program</c> (real Orleans silo, real storage) on a real Kestrel socket.</summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    private readonly SiloOptions options;

    public SiloFactory(SiloOptions options)
    {
        this.options = options;
        UseKestrel(0);
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in options.ToSettings())
        {
            builder.UseSetting(key, value);
        }

        // Nothing on the console; everything the host and ASP.NET Core say is kept for privacy checks.
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Debug);
            logging.AddFilter("Dispatch", LogLevel.Debug);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSerializer(serializer => serializer.AddAssembly(typeof(CounterTestGrain).Assembly));
            services.AddTransient<IStartupFilter, FailingRouteStartupFilter>();
        });
    }
}
