using Dispatch.Silo.Metrics;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Silo.Tests.Metrics;

namespace Dispatch.Silo.Tests.Escalation;

/// <summary>Escalations, time to dispatch and the open-cases gauge in <c>/metrics</c>, through the real silo.</summary>
/// <remarks>With other silos of the test process alive, the open-cases gauge showed another silo's cases (none young),
/// and this test failed in full runs while passing alone (<see cref="ProcessMetricsCollection"/>).</remarks>
[Collection(ProcessMetricsCollection.Name)]
public sealed class EscalationMetricsTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static string NewId(string what) => $"esc-{what}-{Guid.NewGuid():N}"[..28];

    [Fact]
    public async Task Metrics_EscalationsTimeToDispatchAndOpenCases_Exposed()
    {
        using var agent = await fixture.Silo.AgentAsync();
        var before = await ScrapeAsync();
        var late = NewId("mlate");
        var fresh = NewId("mfresh");

        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(6), late));
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(7), fresh) with { ReportedAt = DateTimeOffset.UtcNow });
        await agent.DispatchCaseAsync(fresh);
        var after = await ScrapeAsync();

        Assert.True(after.Sum("dispatch_escalations_total", ("level", "1")) >= before.Sum("dispatch_escalations_total", ("level", "1")) + 1, after.Text);
        Assert.True(after.Sum("dispatch_escalations_total", ("level", "2")) >= before.Sum("dispatch_escalations_total", ("level", "2")) + 1, after.Text);
        Assert.True(after.Sum("dispatch_time_to_dispatch_seconds_count") >= before.Sum("dispatch_time_to_dispatch_seconds_count") + 1, after.Text);
        // The standard is a bucket boundary, so the share within it can be read off.
        Assert.Contains(after.Samples, s => s.Name == "dispatch_time_to_dispatch_seconds_bucket" && s.Labels.TryGetValue("le", out var le) && le == "120");
        Assert.True(after.Sum("dispatch_time_to_dispatch_seconds_bucket", ("le", "120")) >= before.Sum("dispatch_time_to_dispatch_seconds_bucket", ("le", "120")) + 1, after.Text);

        // The open-cases gauge is sampled every few seconds: wait for a sample that has the open case just made.
        var deadline = DateTime.UtcNow + Patience;
        PrometheusScrape gauge;
        do
        {
            await Task.Delay(500);
            gauge = await ScrapeAsync();
            Assert.True(DateTime.UtcNow < deadline, "dispatch_open_cases never showed a young open case: " + gauge.Text);
        }
        while (gauge.Sum("dispatch_open_cases", ("age", "lt_2m")) < 1);

        foreach (var (label, _) in OpenCaseAges.Buckets)
        {
            Assert.Contains(gauge.Samples, s => s.Name == "dispatch_open_cases" && s.Labels["age"] == label);
        }
    }

    private async Task<PrometheusScrape> ScrapeAsync()
    {
        using var client = fixture.Silo.Anonymous();
        return PrometheusScrape.Parse(await client.GetTextAsync(MetricsHosting.Path));
    }
}
