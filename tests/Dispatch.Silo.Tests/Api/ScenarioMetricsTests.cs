using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Silo.Tests.Metrics;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Runs are counted by outcome in <c>/metrics</c>.</summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed class ScenarioMetricsTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    [Fact]
    public async Task Metrics_CompletedRun_CountedByOutcome()
    {
        const string Runs = "dispatch_scenario_runs_total";
        using var planner = await fixture.Silo.PlannerAsync();
        using var anonymous = fixture.Silo.Anonymous();
        var before = PrometheusScrape.Parse(await anonymous.GetTextAsync("/metrics"));

        await planner.WaitUntilCompletedAsync(await planner.SubmitAsync(ScenarioSteps.Replay(2)));

        var after = PrometheusScrape.Parse(await anonymous.GetTextAsync("/metrics"));
        Assert.True(after.Sum(Runs, ("outcome", "completed")) >= before.Sum(Runs, ("outcome", "completed")) + 1, after.Text);
    }
}
