using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Silo.Metrics;

namespace Dispatch.Silo.Tests.Metrics;

/// <summary><c>GET /metrics</c> on a real silo with the demo network. Counts are compared before and after, never
/// absolute, since the class shares one silo; and the class runs alone (<see cref="ProcessMetricsCollection"/>): a
/// silo of another class stopping between the two scrapes took its counts out of the second, and a comparison
/// failed.</summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed class MetricsEndpointTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    private const string Recommendations = "dispatch_recommendations_total";
    private const string ComputeTimeCount = "dispatch_recommendation_compute_time_microseconds_count";
    private const string Dispatches = "dispatch_dispatches_total";
    private const string IncidentEvents = "dispatch_incident_events_total";

    private const string CustomerName = "Tsering Dolkar-Metrics";
    private const string CustomerPhone = "+86 139 0891 7788";
    private const string Vin = "LMGMETRICS0000042";
    private const string Notes = "gate code 4417, behind the yak farm";

    [Fact]
    public async Task Metrics_WithoutKey_ServesPrometheusTextWithHttpAndRuntimeMetrics()
    {
        using var client = fixture.Silo.Anonymous();
        using (var live = await client.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using var response = await client.GetAsync(MetricsHosting.Path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_process_cpu_count gauge", body, StringComparison.Ordinal);
        var scrape = PrometheusScrape.Parse(body);
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", ("http_route", "/health/live"), ("http_response_status_code", "200")) >= 1);
    }

    [Fact]
    public async Task Recommendation_ThenScrape_CountAndComputeTimeIncreased()
    {
        using var agent = fixture.Silo.Admin();
        var before = await ScrapeAsync();

        using var response = await agent.PostAsJsonAsync("/v1/recommendations", Incident(id: null));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("recommended", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());

        var after = await ScrapeAsync();
        Assert.True(after.Sum(Recommendations, ("status", "recommended")) >= before.Sum(Recommendations, ("status", "recommended")) + 1);
        Assert.True(after.Sum(ComputeTimeCount, ("status", "recommended")) >= before.Sum(ComputeTimeCount, ("status", "recommended")) + 1);
        Assert.Contains("# TYPE dispatch_recommendation_compute_time_microseconds histogram", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAndEvents_ThenScrape_CountedByOutcomeAndType()
    {
        using var agent = fixture.Silo.Admin();
        var id = "inc-metrics-" + Guid.NewGuid().ToString("N");
        var before = await ScrapeAsync();

        await PostAsync(agent, "/v1/incidents", Incident(id), HttpStatusCode.Created);
        await PostAsync(agent, $"/v1/incidents/{id}/dispatch", new { }, HttpStatusCode.OK);
        await PostAsync(agent, $"/v1/incidents/{id}/events", new { type = "enroute" }, HttpStatusCode.OK);
        await PostAsync(agent, $"/v1/incidents/{id}/events", new { type = "enroute" }, HttpStatusCode.Conflict);
        await PostAsync(agent, $"/v1/incidents/{id}-missing/dispatch", new { }, HttpStatusCode.NotFound);

        var after = await ScrapeAsync();
        AssertIncreased(before, after, Dispatches, ("outcome", "dispatched"));
        AssertIncreased(before, after, Dispatches, ("outcome", "not_found"));
        AssertIncreased(before, after, IncidentEvents, ("type", "enroute"), ("outcome", "accepted"));
        AssertIncreased(before, after, IncidentEvents, ("type", "enroute"), ("outcome", "conflict"));
    }

    [Fact]
    public async Task Scrape_AfterCasesWithCustomerData_ShowsNoCustomerDataAndOnlyKnownLabels()
    {
        using var agent = fixture.Silo.Admin();
        var id = "inc-private-" + Guid.NewGuid().ToString("N");
        using (var recommended = await agent.PostAsJsonAsync("/v1/recommendations", Incident(id)))
        {
            Assert.Equal(HttpStatusCode.OK, recommended.StatusCode);
        }

        await PostAsync(agent, "/v1/incidents", Incident(id) with { AutoDispatch = true }, HttpStatusCode.Created);
        await PostAsync(agent, $"/v1/incidents/{id}/events", new { type = "cancelled" }, HttpStatusCode.OK);

        var scrape = await ScrapeAsync();
        foreach (var secret in new[] { CustomerName, CustomerPhone, Vin, Notes, id, "r-c-beijing" })
        {
            Assert.DoesNotContain(secret, scrape.Text, StringComparison.OrdinalIgnoreCase);
        }

        var allowed = MetricLabels.RecommendationStatuses
            .Concat(MetricLabels.DispatchOutcomes).Concat(MetricLabels.EventTypes).Concat(MetricLabels.EventOutcomes)
            .Concat(Dispatch.Grains.Incidents.CaseMetrics.LevelLabels).Concat(OpenCaseAges.Buckets.Select(b => b.Label))
            .Concat(OperationsMetrics.LabelValues)
            .Append(MetricLabels.Other).ToHashSet(StringComparer.Ordinal);
        var ours = scrape.Samples.Where(s => s.Name.StartsWith("dispatch_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        foreach (var sample in ours)
        {
            foreach (var (key, value) in sample.Labels.Where(l => l.Key is not ("otel_scope_name" or "le")))
            {
                Assert.True(allowed.Contains(value), $"{sample.Name} has the label {key}=\"{value}\"");
            }
        }
    }

    private static IncidentBody Incident(string? id) => new(
        id,
        new { lat = 39.95, lon = 116.45 },
        "breakdown",
        new { powertrain = "ice" },
        "p2",
        new { name = CustomerName, phone = CustomerPhone },
        Vin,
        Notes,
        AutoDispatch: null);

    private async Task<PrometheusScrape> ScrapeAsync()
    {
        using var client = fixture.Silo.Anonymous();
        using var response = await client.GetAsync(MetricsHosting.Path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return PrometheusScrape.Parse(body);
    }

    private static async Task PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static void AssertIncreased(PrometheusScrape before, PrometheusScrape after, string name, params (string, string)[] labels) =>
        Assert.True(after.Sum(name, labels) >= before.Sum(name, labels) + 1, $"{name} {string.Join(",", labels)} did not increase");

    // Serialized camelCase by PostAsJsonAsync's web defaults; null members are sent as null, which the API treats as absent.
    private sealed record IncidentBody(string? Id, object Location, string Fault, object Vehicle, string Priority, object Customer, string Vin, string Notes, bool? AutoDispatch);
}
