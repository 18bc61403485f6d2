using Dispatch.Grains.Incidents;
using Dispatch.Grains.Scenarios;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Scenarios;

/// <summary>Scenario grains and their registry on the two-silo test cluster (limits: one run per key, two in all).
/// Runs use a network of their own in the request, so nothing here depends on a live network.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ScenarioGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private IScenarioRegistryGrain Registry => fixture.Grains.GetGrain<IScenarioRegistryGrain>(IncidentGrain.Network);

    [Fact]
    public async Task SubmitAsync_ReplayedCalls_CompletesWithTheirKpisAndIsListed()
    {
        var id = NewId();
        var scenario = fixture.Grains.GetGrain<IScenarioGrain>(id);

        var submitted = await scenario.SubmitAsync(Submission("key-replay", Replay(3)));
        Assert.Equal(ScenarioStatus.Queued, submitted.Status);

        var view = await WaitForAsync(scenario, v => ScenarioStatus.IsTerminal(v.Summary.Status));
        Assert.Equal(ScenarioStatus.Completed, view.Summary.Status);
        Assert.Equal(1, view.Summary.Progress);
        Assert.Equal(3, view.Outcome!.Scenario.Incidents);
        Assert.Equal(3, view.Outcome.Baseline.Incidents);
        await EventuallyAsync(async () => (await Registry.ListAsync()).Any(r => r.Id == id && r.Status == ScenarioStatus.Completed));

        // Submitting again under the same id answers the stored run and starts nothing.
        Assert.Equal(ScenarioStatus.Completed, (await scenario.SubmitAsync(Submission("key-replay", Replay(5)))).Status);
        Assert.Equal(3, (await scenario.GetAsync())!.Outcome!.Scenario.Incidents);
    }

    [Fact]
    public async Task CancelAsync_QueuedBehindTheSameKey_CancelledWithoutEverStarting()
    {
        var running = fixture.Grains.GetGrain<IScenarioGrain>(NewId());
        var queued = fixture.Grains.GetGrain<IScenarioGrain>(NewId());
        await running.SubmitAsync(Submission("key-cancel", Generated()));
        await WaitForAsync(running, v => v.Summary.Status == ScenarioStatus.Running && v.Summary.Progress > 0);
        await queued.SubmitAsync(Submission("key-cancel", Replay(2)));
        Assert.Equal(ScenarioStatus.Queued, (await queued.GetAsync())!.Summary.Status);

        var cancelledQueued = await queued.CancelAsync();
        Assert.Equal(CancelOutcome.Cancelled, cancelledQueued.Outcome);
        Assert.Null(cancelledQueued.Scenario!.Summary.StartedAt);
        Assert.Null(cancelledQueued.Scenario.Outcome);

        var cancelledRunning = await running.CancelAsync();
        Assert.Equal(CancelOutcome.Cancelled, cancelledRunning.Outcome);
        Assert.InRange(cancelledRunning.Scenario!.Summary.Progress, double.Epsilon, 0.99);
        Assert.Equal(CancelOutcome.Cancelled, (await running.CancelAsync()).Outcome);
        Assert.Equal(ScenarioStatus.Cancelled, (await queued.GetAsync())!.Summary.Status);
    }

    [Fact]
    public async Task CancelAsync_Completed_AlreadyFinishedAndUnchanged()
    {
        var scenario = fixture.Grains.GetGrain<IScenarioGrain>(NewId());
        await scenario.SubmitAsync(Submission("key-done", Replay(2)));
        var done = await WaitForAsync(scenario, v => ScenarioStatus.IsTerminal(v.Summary.Status));

        var cancel = await scenario.CancelAsync();

        Assert.Equal(CancelOutcome.AlreadyFinished, cancel.Outcome);
        Assert.Equal(ScenarioStatus.Completed, cancel.Scenario!.Summary.Status);
        Assert.Equal(done.Summary, (await scenario.GetAsync())!.Summary);
    }

    [Fact]
    public async Task CancelAsync_UnknownId_NotFound() =>
        Assert.Equal(CancelOutcome.NotFound, (await fixture.Grains.GetGrain<IScenarioGrain>(NewId()).CancelAsync()).Outcome);

    [Fact]
    public async Task EnqueueAsync_RunWithoutARecord_FailsAndGivesItsSlotToTheNext()
    {
        // Two listed runs of one key with no grain state behind them: the first must not hold the key's slot forever.
        var first = Ghost(NewId(), "key-ghost");
        var second = Ghost(NewId(), "key-ghost");
        await Registry.EnqueueAsync(first);
        await Registry.EnqueueAsync(second);

        await EventuallyAsync(async () =>
        {
            var listed = await Registry.ListAsync();
            return listed.Count(r => (r.Id == first.Id || r.Id == second.Id) && r.Status == ScenarioStatus.Failed) == 2;
        });
    }

    private static string NewId() => "scn-" + Guid.NewGuid().ToString("N");

    private static ScenarioSummary Ghost(string id, string owner) =>
        new(id, null, owner, ScenarioStatus.Queued, 0, TestIncidents.MondayNoonShanghai, null, null, null);

    private static ScenarioSubmission Submission(string owner, ScenarioRequest request) => new("test", owner, DocumentJson.Write(request));

    private static NetworkDocument Network() => TwoCenters.Document(tyres: 5).Build() with
    {
        DemandPoints = [new DemandPointDocument { Id = "d-1", Location = TwoCenters.NearLocation, Weight = 1 }],
    };

    private static ScenarioRequest Replay(int count) => new()
    {
        Base = ScenarioBase.Of(Network()),
        Demand = new DemandDocument
        {
            Incidents = [.. Enumerable.Range(0, count).Select(i => new IncidentRequest
            {
                Id = $"call-{i}",
                Location = Places.North(TwoCenters.NearLocation, i),
                ReportedAt = TestIncidents.MondayNoonShanghai.AddMinutes(30 * i),
                Fault = "stuck",
                Vehicle = new VehicleDocument { Powertrain = "ice" },
                Priority = "p2",
            })],
        },
    };

    /// <summary>Long enough to be caught running: a million generated calls.</summary>
    private static ScenarioRequest Generated() => new()
    {
        Base = ScenarioBase.Of(Network()),
        Demand = new DemandDocument
        {
            Generate = new DemandGenerationDocument { Start = TestIncidents.MondayNoonShanghai, Days = 400, RatePerDay = 2_500, Seed = 3 },
        },
    };

    private static async Task<ScenarioView> WaitForAsync(IScenarioGrain scenario, Func<ScenarioView, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var view = await scenario.GetAsync();
            Assert.NotNull(view);
            if (until(view))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the run did not get there in time: {view.Summary}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
