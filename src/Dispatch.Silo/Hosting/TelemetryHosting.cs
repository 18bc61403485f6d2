using Dispatch.Grains;
using Dispatch.Silo.Metrics;
using Dispatch.Silo.Storage;
using Dispatch.Silo.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Providers;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Traces from HTTP through grain calls to storage, exported by OTLP when the standard <c>OTEL_*</c> settings name an
/// endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>,
/// <c>OTEL_SERVICE_NAME</c>, ...); with none set nothing is traced and nothing tries to connect. Also the operations
/// metrics: storage latency (every storage provider, timed by <see cref="TimedGrainStorage"/>) and membership changes,
/// and the case id in the log scope of every incident grain call.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>Traces without an OTLP endpoint, for an exporter added in code (tests) or by a host of the silo.</summary>
    public const string TracesSetting = "Dispatch:Telemetry:Traces";

    /// <summary>Orleans' grain calls (both sides), its storage operations, and PostgreSQL's commands.</summary>
    public static readonly string[] TraceSources =
        ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Npgsql"];

    public static WebApplicationBuilder AddDispatchTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otlp = OtlpSignals.From(builder.Configuration);
        var traces = otlp.Traces || builder.Configuration.GetValue<bool>(TracesSetting);

        builder.Services.AddSingleton<OperationsMetrics>();
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSingleton<MembershipMetrics>();
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<MembershipMetrics>());
            if (traces)
            {
                silo.AddActivityPropagation();
            }

            // After the propagation filter, so the span it tags is the incoming call's own.
            silo.AddIncomingGrainCallFilter<CaseLogScope>();

            // After the storages are registered (AddDispatchOrleans), around whatever they were decorated with.
            foreach (var name in new[] { GrainStorage.Name, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME })
            {
                silo.Services.DecorateGrainStorage(name, (services, inner) => new TimedGrainStorage(inner, services.GetRequiredService<OperationsMetrics>()));
            }
        });

        var telemetry = builder.Services.AddOpenTelemetry();
        if (traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(TraceSources)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context.Request.Path));
                if (otlp.Traces)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        if (otlp.Metrics)
        {
            telemetry.WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        if (otlp.Logs)
        {
            // Scopes carry the case id; messages are the project's own [LoggerMessage] texts, which never hold customer data.
            builder.Logging.AddOpenTelemetry(logs =>
            {
                logs.IncludeScopes = true;
                logs.AddOtlpExporter();
            });
        }

        return builder;
    }

    // Probes and scrapes come every few seconds and say nothing about dispatch; traced, they would bury the requests that do.
    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(MetricsHosting.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Which signals go out by OTLP, by the OpenTelemetry environment variables (read through configuration, so
    /// an appsettings key of the same name works too).</summary>
    internal sealed record OtlpSignals(bool Traces, bool Metrics, bool Logs)
    {
        public static OtlpSignals From(IConfiguration configuration)
        {
            if (configuration.GetValue<bool>("OTEL_SDK_DISABLED"))
            {
                return new(false, false, false);
            }

            var any = Given(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
            bool Signal(string signal) =>
                (any || Given(configuration, $"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"))
                && !string.Equals(configuration[$"OTEL_{signal}_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase);
            return new(Signal("TRACES"), Signal("METRICS"), Signal("LOGS"));
        }

        private static bool Given(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
    }
}
