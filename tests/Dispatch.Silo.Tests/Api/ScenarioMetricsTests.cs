using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Silo.Tests.Metrics;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Runs are counted by outcome in <c>/metrics</c>.</summary>
/// <remarks>Alone in a collection that runs after the parallel ones: every silo of the test process names its meter
/// "Dispatch", and a silo stopping elsewhere in the process while this one is scraped can take counts out of the
/// scrape, which made the comparison below flaky.</remarks>
[Collection(ScenarioMetricsTests.Collection)]
public sealed class ScenarioMetricsTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    public const string Collection = "scenario metrics, not in parallel";

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

[CollectionDefinition(ScenarioMetricsTests.Collection, DisableParallelization = true)]
public sealed class ScenarioMetricsCollection;
