using System.Text.Json;
using Dispatch.Cli.Tests.Support;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Tests.EndToEnd;

/// <summary><c>dispatch plan</c> on the bundled demo network: the answer is the solver's own, proven, and
/// <c>--apply</c> turns it into scenario changes the simulator accepts.</summary>
public class PlanOnDemoNetworkTests
{
    private static string DemoNetwork()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "demo-network.json");
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("data/demo-network.json not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("mclp")]
    [InlineData("pmedian")]
    public async Task Plan_DemoNetworkThreeFlatbedCenters_SameAnswerAsTheSolverAndProven(string model)
    {
        using var temp = new TempDirectory();
        var network = DemoNetwork();
        var changes = temp.File("changes.json");

        var result = await CliHarness.RunAsync(
            ["plan", "--network", network, "--model", model, "--k", "3", "--resource-type", "flatbed", "--out", temp.Path, "--apply", changes]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var document = DocumentJson.ParseNetwork(File.ReadAllText(network));
        var build = PlacementProblemBuilder.Build(document, new PlacementRequest { Model = model, K = 3, ResourceType = "flatbed" });
        Assert.True(build.IsValid);
        var expected = PlacementSolver.Solve(build.Problem!);
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("answer.json")));
        Assert.Equal(expected.SiteIds, answer.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(expected.Objective, answer.RootElement.GetProperty("objective").GetDouble(), 6);
        Assert.True(answer.RootElement.GetProperty("optimal").GetBoolean());

        var scenarioChanges = JsonSerializer.Deserialize<ScenarioChanges>(File.ReadAllText(changes), DocumentJson.Options)!;
        Assert.Equal(3, scenarioChanges.AddResources!.Count);
        Assert.All(scenarioChanges.AddResources, r => Assert.Equal("flatbed", r.Type));
        var preparation = ScenarioRunner.Prepare(new ScenarioRequest
        {
            Base = ScenarioBase.Of(document),
            Changes = scenarioChanges,
            Demand = new DemandDocument { Generate = new DemandGenerationDocument { Start = DateTimeOffset.UnixEpoch.AddYears(40), Days = 0.1, RatePerDay = 100 } },
        }, null);
        Assert.True(preparation.IsValid, string.Join("; ", preparation.Errors.Select(e => e.Path + ": " + e.Message)));
    }
}
