using System.Text.Json;
using Dispatch.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Dispatch.Cli.Tests.Silo;

[Collection(SiloCollection.Name)]
public sealed class PlanOnSiloTests(RunningSiloFixture fixture, ITestOutputHelper output) : IClassFixture<RunningSiloFixture>
{
    private string[] OnSilo(params string[] more) =>
        ["plan", "--url", fixture.Silo.Address.ToString(), "--key-file", fixture.Silo.AdminKeyPath, .. more];

    [PlacementSiloFact]
    public async Task Plan_OnSilo_AnswersAsInProcessAndWritesTheFiles()
    {
        // The silo's live network is the tiny network file: both sides must choose the same sites.
        using var remote = new TempDirectory();
        using var local = new TempDirectory();
        string[] plan = ["--model", "mclp", "--k", "1", "--resource-type", "flatbed"];

        var onSilo = await CliHarness.RunAsync(OnSilo([.. plan, "--out", remote.Path, "--apply", remote.File("changes.json")]));
        if (EndpointMissing(onSilo))
        {
            return;
        }

        var inProcess = await CliHarness.RunAsync(["plan", "--network", TestFiles.TinyNetwork, .. plan, "--out", local.Path, "--apply", local.File("changes.json")]);

        Assert.True(onSilo.ExitCode == ExitCodes.Ok, onSilo + "\n--- silo ---\n" + fixture.Silo.LogTail());
        Assert.True(inProcess.ExitCode == ExitCodes.Ok, inProcess.ToString());
        using var remoteAnswer = JsonDocument.Parse(File.ReadAllText(remote.File("answer.json")));
        using var localAnswer = JsonDocument.Parse(File.ReadAllText(local.File("answer.json")));
        Assert.Equal(["c-east"], remoteAnswer.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(localAnswer.RootElement.GetProperty("coveredWeight").GetDouble(), remoteAnswer.RootElement.GetProperty("coveredWeight").GetDouble(), 9);
        Assert.Equal(File.ReadAllText(local.File("sites.geojson")), File.ReadAllText(remote.File("sites.geojson")));
        Assert.Equal(File.ReadAllText(local.File("changes.json")), File.ReadAllText(remote.File("changes.json")));
        Assert.True(new FileInfo(remote.File("map.png")).Length > 1000);
        Assert.Contains($"dispatch simulate --url {fixture.Silo.Address}", onSilo.Output, StringComparison.Ordinal);
    }

    [PlacementSiloFact]
    public async Task Plan_OnSiloJson_PrintsTheSilosAnswerAlone()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(OnSilo("--model", "pmedian", "--k", "2", "--resource-type", "service_van", "--json", "--out", temp.Path));
        if (EndpointMissing(result))
        {
            return;
        }

        Assert.True(result.ExitCode == ExitCodes.Ok, result + "\n--- silo ---\n" + fixture.Silo.LogTail());
        using var answer = JsonDocument.Parse(result.Output);
        Assert.Equal(["c-east", "c-west"], answer.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal));
        Assert.True(answer.RootElement.GetProperty("optimal").GetBoolean());
    }

    [PlacementSiloFact]
    public async Task Plan_OnSiloWithBadRequest_ExitsTwoWithTheApiErrorPaths()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(OnSilo("--model", "mclp", "--k", "3", "--resource-type", "boat", "--out", temp.Path));
        if (EndpointMissing(result))
        {
            return;
        }

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result + "\n--- silo ---\n" + fixture.Silo.LogTail());
        Assert.Contains("resourceType (--resource-type)", result.Error, StringComparison.Ordinal);
        Assert.Contains("boat", result.Error, StringComparison.Ordinal);
    }

    // The endpoint is being merged (issue 11): a silo without it answers 404, and that alone is not this CLI's failure.
    private bool EndpointMissing(CliResult result)
    {
        if (result.ExitCode == ExitCodes.Failure && result.Error.Contains("HTTP 404", StringComparison.Ordinal))
        {
            output.WriteLine($"Skipped: the silo answers 404 on POST {PlacementSiloFactAttribute.Route}.\n{result}");
            return true;
        }

        return false;
    }
}
