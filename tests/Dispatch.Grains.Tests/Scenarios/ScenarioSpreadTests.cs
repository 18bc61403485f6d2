using System.Text.Json;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Scenarios;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Tests.Scenarios;

/// <summary>Several what-if runs at once on the two-silo cluster: they spread over both silos' scenario threads,
/// answer what each would answer alone, and live dispatch keeps working beside them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ScenarioSpreadTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task SubmitAsync_SeveralRunsAtOnce_RunOnBothSilosWithTheirAloneKpisWhileDispatchesSucceed()
    {
        var before = StartedPerSilo();
        var requests = Enumerable.Range(0, 4).Select(seed => Generated(seed + 11)).ToArray();
        var scenarios = new List<IScenarioGrain>();
        for (var i = 0; i < requests.Length; i++)
        {
            var scenario = fixture.Grains.GetGrain<IScenarioGrain>("scn-spread-" + Guid.NewGuid().ToString("N"));
            await scenario.SubmitAsync(new ScenarioSubmission("spread", $"key-spread-{i}", DocumentJson.Write(requests[i])));
            scenarios.Add(scenario);
        }

        // Live dispatch while runs are going on (or queued behind the cluster's limit of two).
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 5);
        foreach (var unit in new[] { TwoCenters.NearFlatbed, TwoCenters.FarFlatbed })
        {
            var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);
            Assert.Equal(DispatchStatus.Dispatched, decision.Status);
            Assert.Equal(unit, decision.Option?.ResourceId);
        }

        for (var i = 0; i < scenarios.Count; i++)
        {
            var view = await WaitForEndAsync(scenarios[i]);
            Assert.Equal(ScenarioStatus.Completed, view.Summary.Status);
            Assert.Equal(Json(Alone(requests[i])), Json(view.Outcome!));
        }

        var after = StartedPerSilo();
        Assert.Equal(2, after.Count);
        Assert.All(after, silo => Assert.True(silo.Value > before.GetValueOrDefault(silo.Key), $"no run started on silo {silo.Key}"));
    }

    [Theory]
    [InlineData(0, 2, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(0, 8, 7)]
    [InlineData(8, 4, 3)]
    [InlineData(2, 8, 2)]
    public void EffectiveThreads_SettingAndCores_AtMostCoresLessOne(int setting, int cores, int expected) =>
        Assert.Equal(expected, new ScenarioLimits { ThreadsPerSilo = setting }.EffectiveThreads(cores));

    private Dictionary<string, long> StartedPerSilo() => fixture.Cluster.GetActiveSilos().ToDictionary(
        s => s.SiloAddress.ToString(),
        s => fixture.Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ScenarioWorkers>().RunsStarted);

    private static ScenarioOutcome Alone(ScenarioRequest request) =>
        ScenarioRunner.Run(ScenarioRunner.Prepare(request, liveNetwork: null).Scenario!);

    private static string Json(ScenarioOutcome outcome) => JsonSerializer.Serialize(outcome, DocumentJson.Options);

    private static ScenarioRequest Generated(int seed) => new()
    {
        Base = ScenarioBase.Of(TwoCenters.Document(tyres: 5).Build() with
        {
            DemandPoints = [new DemandPointDocument { Id = "d-1", Location = TwoCenters.NearLocation, Weight = 1 }],
        }),
        Demand = new DemandDocument
        {
            Generate = new DemandGenerationDocument { Start = TestIncidents.MondayNoonShanghai, Days = 20, RatePerDay = 1_000, Seed = seed },
        },
    };

    private static async Task<ScenarioView> WaitForEndAsync(IScenarioGrain scenario)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var view = await scenario.GetAsync();
            Assert.NotNull(view);
            if (ScenarioStatus.IsTerminal(view.Summary.Status))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the run did not end in time: {view.Summary}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
