using System.Diagnostics;
using System.Net;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Metrics;
using Dispatch.Silo.Telemetry;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Silo.Tests.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Dispatch.Silo.Tests.Telemetry;

/// <summary>Traces from HTTP through grain calls to storage, seen through the in-memory exporter; and no tracing at all
/// unless it is asked for. On their own: a tracer provider listens process-wide, and while it ran beside other silos of
/// this process their per-host meters (Dispatch, ASP.NET Core) were seen to drop out of their own scrapes.</summary>
[Collection(nameof(TracingTests))]
[CollectionDefinition(nameof(TracingTests), DisableParallelization = true)]
public sealed class TracingTests
{
    [Fact]
    public async Task CreateIncident_Traced_HttpSpanWithChildGrainCallsAndStorageInOneTrace()
    {
        var spans = new LockedList<Activity>();
        await using var silo = new SiloHarness(
            new SiloOptions { DataDir = SiloHarness.NewTempDir(), SeedNetwork = SiloHarness.NoSeed },
            SiloLogs.None,
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        silo.Settings[TelemetryHosting.TracesSetting] = "true";
        silo.Start();
        using var admin = silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);

        // The test's own trace id, given as the caller's context: other silos of this test process emit spans too
        // (listeners are process-wide), and this picks out the request's trace among them.
        var id = "traced-" + Guid.NewGuid().ToString("N");
        var traceId = ActivityTraceId.CreateRandom();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/v1/incidents")
        {
            Content = ApiJson.Body(IncidentBodies.FlatTire(SitesNetwork.At(1), id).WithCustomer("Dawa", "+86 138 0000 0009")),
        })
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            using var created = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Spans are exported as they end; the server span ends once the answer is written, maybe after the client has it.
        Activity? http = null;
        List<Activity> trace = [];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var all = spans.Snapshot();
            trace = [.. all.Where(a => a.TraceId == traceId)];
            http = trace.FirstOrDefault(a => a.Kind == ActivityKind.Server && a.Source.Name == "Microsoft.AspNetCore"
                && a.GetTagItem("url.path") as string == "/v1/incidents");
            if (http is not null && trace.Any(IsStorage))
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.NotNull(http);
        var grainCalls = trace.Where(a => a.Source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal) && !IsStorage(a)).ToList();
        var shown = Describe(trace);
        Assert.True(grainCalls.Any(a => a.ParentSpanId == http.SpanId), "no grain call under the HTTP span:\n" + shown);
        Assert.True(trace.Any(IsStorage), "no storage span in the trace:\n" + shown);
        Assert.Contains(trace, a => a.GetTagItem(CaseLogScope.SpanTag) as string == id);

        // No customer data on any span.
        foreach (var span in trace)
        {
            var text = span.DisplayName + string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            Assert.DoesNotContain("Dawa", text, StringComparison.Ordinal);
            Assert.DoesNotContain("138 0000", text, StringComparison.Ordinal);
        }

        using var anonymous = silo.Anonymous();
        using var scrape = await anonymous.GetAsync(MetricsHosting.Path);
        var metrics = PrometheusScrape.Parse(await scrape.Content.ReadAsStringAsync());
        Assert.True(metrics.Sum("dispatch_storage_duration_seconds_count", ("operation", "write"), ("outcome", "ok")) >= 1, "no storage write timed");
    }

    [Fact]
    public async Task Start_NoOtelEndpointNorTracesSetting_NoTracerProvider()
    {
        await using var silo = SiloHarness.ForApi();
        silo.Start();

        Assert.Null(silo.Services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData(null, null, null, false, false)]
    [InlineData("http://collector:4317", null, null, true, true)]
    [InlineData("http://collector:4317", "none", null, false, true)]
    [InlineData("http://collector:4317", null, "true", false, false)]
    public void OtlpSignals_FromOtelSettings_TracesAndMetricsOnlyWithAnEndpoint(string? endpoint, string? tracesExporter, string? disabled, bool traces, bool metrics)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_TRACES_EXPORTER"] = tracesExporter,
            ["OTEL_SDK_DISABLED"] = disabled,
        }).Build();

        var signals = TelemetryHosting.OtlpSignals.From(configuration);

        Assert.Equal(traces, signals.Traces);
        Assert.Equal(metrics, signals.Metrics);
    }

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join('\n', spans.Select(a => $"{a.TraceId} {a.SpanId} <- {a.ParentSpanId} [{a.Source.Name}] {a.Kind} {a.DisplayName}"));

    private static bool IsStorage(Activity span) => span.Source.Name == "Microsoft.Orleans.Storage";

    /// <summary>The exporter adds from the silo's threads while the test reads.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> items = [];

        public int Count
        {
            get
            {
                lock (items)
                {
                    return items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public List<T> Snapshot()
        {
            lock (items)
            {
                return [.. items];
            }
        }

        public void Add(T item)
        {
            lock (items)
            {
                items.Add(item);
            }
        }

        public void Clear()
        {
            lock (items)
            {
                items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (items)
            {
                return items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (items)
            {
                items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(T item)
        {
            lock (items)
            {
                return items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
