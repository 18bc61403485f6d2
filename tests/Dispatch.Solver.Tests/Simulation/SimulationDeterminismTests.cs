using System.Text.Json;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using static Dispatch.Solver.Tests.Simulation.SimulationFixtures;

namespace Dispatch.Solver.Tests.Simulation;

public sealed class SimulationDeterminismTests
{
    private static string Json(ScenarioOutcome outcome) => JsonSerializer.Serialize(outcome, DocumentJson.Options);

    [Fact]
    public void Run_SameInputs_BitIdenticalKpis()
    {
        var request = Generated(SmallWorld(), days: 5, ratePerDay: 300) with { BaselinePolicy = "closest" };

        Assert.Equal(Json(ScenarioRunner.Run(Prepared(request))), Json(ScenarioRunner.Run(Prepared(request))));
    }

    [Fact]
    public void Run_NoChangesSamePolicy_ScenarioEqualsBaseline()
    {
        var outcome = ScenarioRunner.Run(Prepared(Generated(SmallWorld(), days: 3, ratePerDay: 300)));

        Assert.Equal(JsonSerializer.Serialize(outcome.Scenario, DocumentJson.Options), JsonSerializer.Serialize(outcome.Baseline, DocumentJson.Options));
    }

    [Fact]
    public void Run_ClosingACenter_HurtsOnlyTheScenario()
    {
        var request = Generated(SmallWorld(), days: 3, ratePerDay: 300) with { Changes = new ScenarioChanges { CloseCenters = ["c-north"] } };

        var outcome = ScenarioRunner.Run(Prepared(request));

        Assert.Equal(outcome.Scenario.Incidents, outcome.Baseline.Incidents);
        Assert.True(outcome.Scenario.WithinStandardShare < outcome.Baseline.WithinStandardShare);
        Assert.DoesNotContain(outcome.Scenario.BusyShare, b => b.CenterId == "c-north");
        Assert.Contains(outcome.Baseline.BusyShare, b => b.CenterId == "c-north");
    }

    [Fact]
    public void WithoutCustomerData_ReplayedCalls_KeepEverythingARunReadsAndNothingPrivate()
    {
        var calls = new[]
        {
            Call("a", 0, Dispatch.TestKit.Networks.Places.Base) with
            {
                Customer = new CustomerDocument { Name = "Zhang Wei", Phone = "+86 139 0000 0000" }, Vin = "LSVAU2180N2183294", Notes = "child in car",
            },
            Call("b", 30, Dispatch.TestKit.Networks.Places.Base),
        };
        var request = Replay(SmallWorld(), calls);

        var stripped = request.WithoutCustomerData();

        var json = JsonSerializer.Serialize(stripped, DocumentJson.Options);
        Assert.DoesNotContain("Zhang", json, StringComparison.Ordinal);
        Assert.DoesNotContain("139", json, StringComparison.Ordinal);
        Assert.DoesNotContain("LSVAU", json, StringComparison.Ordinal);
        Assert.DoesNotContain("child", json, StringComparison.Ordinal);
        Assert.Equal(Json(ScenarioRunner.Run(Prepared(request))), Json(ScenarioRunner.Run(Prepared(stripped))));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => ScenarioRunner.Run(Prepared(Generated(SmallWorld())), null, cancel.Token));
    }

    [Fact]
    public void Run_Progress_RisesToOne()
    {
        var seen = new List<double>();

        ScenarioRunner.Run(Prepared(Generated(SmallWorld(), days: 5, ratePerDay: 400)), new SynchronousProgress(seen.Add));

        Assert.True(seen.Count > 2);
        Assert.Equal(1, seen[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First <= p.Second));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
