using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.Silo;

[Collection(SiloCollection.Name)]
public sealed class SimulateOnSiloTests(RunningSiloFixture fixture) : IClassFixture<RunningSiloFixture>
{
    [Fact]
    public async Task Simulate_OnSilo_RunsToCompletionAndWritesTheAnswer()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["simulate", "--url", fixture.Silo.Address.ToString(), "--key-file", fixture.Silo.AdminKeyPath,
            .. TestFiles.ShortDemand, "--baseline-policy", "closest", "--name", "cli on a silo", "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result + "\n--- silo ---\n" + fixture.Silo.LogTail());
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("result.json")));
        var root = answer.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal("cli on a silo", root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("id").GetString()));
        Assert.True(root.GetProperty("scenario").GetProperty("incidents").GetInt32() > 0);
        Assert.Equal(
            root.GetProperty("scenario").GetProperty("incidents").GetInt32(),
            root.GetProperty("baseline").GetProperty("incidents").GetInt32());
        Assert.True(new FileInfo(temp.File("within-standard-by-region.png")).Length > 0);
        Assert.Contains("West Plateau *", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_OnSiloSameSeedAsInProcess_GivesTheSameKpis()
    {
        // The silo runs the live network, which here is the tiny network file: both sides must agree to the figure.
        using var remote = new TempDirectory();
        using var local = new TempDirectory();

        var onSilo = await CliHarness.RunAsync(["simulate", "--url", fixture.Silo.Address.ToString(), "--key-file", fixture.Silo.AdminKeyPath, .. TestFiles.ShortDemand, "--out", remote.Path]);
        var inProcess = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--out", local.Path]);

        Assert.True(onSilo.ExitCode == ExitCodes.Ok, onSilo.ToString());
        Assert.True(inProcess.ExitCode == ExitCodes.Ok, inProcess.ToString());
        var onSiloKpis = JsonNode.Parse(File.ReadAllText(remote.File("result.json")))!["scenario"];
        var inProcessKpis = JsonNode.Parse(File.ReadAllText(local.File("result.json")))!["scenario"];
        Assert.True(JsonNode.DeepEquals(inProcessKpis, onSiloKpis), $"in process:\n{inProcessKpis}\non the silo:\n{onSiloKpis}");
    }

    [Fact]
    public async Task Simulate_OnSiloWithUnknownCenter_ExitsTwoWithTheApiErrorPath()
    {
        using var temp = new TempDirectory();
        var changes = temp.Write("changes.json", """{"closeCenters": ["c-nowhere"]}""");

        var result = await CliHarness.RunAsync(["simulate", "--url", fixture.Silo.Address.ToString(), "--key-file", fixture.Silo.AdminKeyPath, .. TestFiles.ShortDemand, "--changes", changes, "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("changes.closeCenters[0]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_OnSiloWithWrongKey_ExitsOneWithTheProblem()
    {
        using var temp = new TempDirectory();
        var key = temp.Write("wrong.key", "not-a-key");

        var result = await CliHarness.RunAsync(["simulate", "--url", fixture.Silo.Address.ToString(), "--key-file", key, .. TestFiles.ShortDemand, "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("HTTP 401", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_OnSilo_WritesOneRowPerValue()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["sweep", "--url", fixture.Silo.Address.ToString(), "--key-file", fixture.Silo.AdminKeyPath, .. TestFiles.ShortDemand,
            "--param", "partnerPenaltyMin", "--values", "0,30", "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(3, File.ReadAllLines(temp.File("sweep.csv")).Length);
    }
}
