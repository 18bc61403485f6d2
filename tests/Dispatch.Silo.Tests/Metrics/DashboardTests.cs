using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Silo.Hosting;

namespace Dispatch.Silo.Tests.Metrics;

/// <summary><c>ops/grafana/dispatch-dashboard.json</c> is valid JSON, and every metric its queries read is one a silo
/// exports (seen in a real scrape after traffic) or one the parallel pieces of issues 12 and 14 add under agreed names.</summary>
public sealed partial class DashboardTests
{
    // Added by the escalation, queue, notification and reconciler pieces (wire names agreed between them).
    private static readonly string[] AgreedElsewhere =
    [
        "dispatch_escalations_total", "dispatch_open_cases", "dispatch_time_to_dispatch_seconds",
        "dispatch_notifications_delivered_total", "dispatch_notification_failures_total", "dispatch_reconciler_fixes_total",
    ];

    // PromQL words that look like metric names.
    private static readonly HashSet<string> PromQlWords =
    [
        "sum", "by", "without", "rate", "irate", "increase", "histogram_quantile", "label_values", "count", "avg", "max", "min",
        "topk", "bottomk", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "le",
    ];

    [Fact]
    public async Task Dashboard_EveryQueriedMetric_IsExportedOrAgreed()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(DashboardPath()));
        var queries = Queries(dashboard.RootElement).ToList();
        Assert.NotEmpty(queries);
        var queried = queries.SelectMany(MetricsIn).ToHashSet(StringComparer.Ordinal);
        foreach (var needed in new[] { "dispatch_dispatches_total", "dispatch_escalations_total", "dispatch_open_cases", "dispatch_notification_failures_total",
                     "dispatch_reconciler_fixes_total", "dispatch_storage_duration_seconds_bucket", "dispatch_membership_changes_total", "http_server_request_duration_seconds_bucket" })
        {
            Assert.Contains(needed, queried);
        }

        var exported = await ExportedAsync();
        var unknown = queried.Where(m => !exported.Contains(m) && !AgreedElsewhere.Contains(BaseName(m))).ToList();
        Assert.True(unknown.Count == 0, "queried but not exported: " + string.Join(", ", unknown));
    }

    // The sample names of a scrape after a recommendation, an automatic dispatch and a refused request.
    private static async Task<HashSet<string>> ExportedAsync()
    {
        await using var silo = SiloHarness.ForApi(SiloHarness.DemoNetwork);
        silo.Settings[RateLimitOptions.Section + ":Enabled"] = "true";
        silo.Settings[RateLimitOptions.Section + ":Agent:PermitsPerSecond"] = "1";
        silo.Settings[RateLimitOptions.Section + ":Agent:Burst"] = "2";
        silo.Start();
        using var admin = silo.Admin();
        var incident = new { location = new { lat = 39.95, lon = 116.45 }, fault = "breakdown", vehicle = new { powertrain = "ice" }, priority = "p2", autoDispatch = true };
        using (var recommended = await admin.PostAsJsonAsync("/v1/recommendations", incident))
        {
            Assert.Equal(HttpStatusCode.OK, recommended.StatusCode);
        }

        using (var created = await admin.PostAsJsonAsync("/v1/incidents", incident))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var agent = await silo.AgentAsync();
        var refused = false;
        for (var i = 0; i < 40 && !refused; i++)
        {
            using var response = await agent.GetAsync("/v1/incidents?limit=1");
            refused = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(refused);
        using var anonymous = silo.Anonymous();
        var scrape = PrometheusScrape.Parse(await anonymous.GetStringAsync(Dispatch.Silo.Metrics.MetricsHosting.Path));
        return scrape.Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Queries(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "expr" or "definition" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var query in Queries(property.Value))
                        {
                            yield return query;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var query in element.EnumerateArray().SelectMany(Queries))
                {
                    yield return query;
                }

                break;
        }
    }

    // The identifiers of a query that are neither PromQL words, label names (in braces, by/without lists) nor durations.
    private static IEnumerable<string> MetricsIn(string query)
    {
        var bare = Grouping().Replace(Selector().Replace(Range().Replace(LabelValues().Replace(query, "$1"), string.Empty), string.Empty), string.Empty);
        return Identifier().Matches(bare).Select(m => m.Value).Where(word => !PromQlWords.Contains(word));
    }

    private static string BaseName(string metric) =>
        metric.EndsWith("_bucket", StringComparison.Ordinal) ? metric[..^7]
        : metric.EndsWith("_count", StringComparison.Ordinal) ? metric[..^6]
        : metric.EndsWith("_sum", StringComparison.Ordinal) ? metric[..^4]
        : metric;

    private static string DashboardPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ops", "grafana", "dispatch-dashboard.json");
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("ops/grafana/dispatch-dashboard.json not found above the test's directory");
    }

    // Grafana's label_values(metric, label): the label is not a metric.
    [GeneratedRegex("""label_values\(\s*([^,)]+),[^)]*\)""")]
    private static partial Regex LabelValues();

    [GeneratedRegex("""\{[^}]*\}""")]
    private static partial Regex Selector();

    [GeneratedRegex("""\[[^\]]*\]""")]
    private static partial Regex Range();

    [GeneratedRegex("""\b(by|without|on|ignoring)\s*\([^)]*\)""")]
    private static partial Regex Grouping();

    [GeneratedRegex("""(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*""")]
    private static partial Regex Identifier();
}
