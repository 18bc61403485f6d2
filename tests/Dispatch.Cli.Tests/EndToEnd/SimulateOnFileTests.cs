using System.Text.Json;
using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.EndToEnd;

public class SimulateOnFileTests
{
    private static readonly string[] Charts = ["response-times", "within-standard-by-region", "coverage-over-time"];
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Simulate_TinyNetwork_WritesResultJsonAndSixCharts()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--baseline-policy", "closest", "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using (var answer = JsonDocument.Parse(File.ReadAllText(temp.File("result.json"))))
        {
            Assert.Equal("completed", answer.RootElement.GetProperty("status").GetString());
            Assert.True(answer.RootElement.GetProperty("scenario").GetProperty("incidents").GetInt32() > 0);
            Assert.True(answer.RootElement.GetProperty("baseline").GetProperty("incidents").GetInt32() > 0);
        }

        foreach (var chart in Charts)
        {
            var png = File.ReadAllBytes(temp.File(chart + ".png"));
            Assert.True(png.Length > PngSignature.Length, chart + ".png is empty");
            Assert.Equal(PngSignature, png[..PngSignature.Length]);
            var svg = File.ReadAllText(temp.File(chart + ".svg"));
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Simulate_TinyNetwork_PrintsBothRunsAndRemoteRegionsMarked()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--baseline-policy", "closest", "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("scenario (coverage)", result.Output, StringComparison.Ordinal);
        Assert.Contains("baseline (closest)", result.Output, StringComparison.Ordinal);
        Assert.Contains("within standard", result.Output, StringComparison.Ordinal);
        Assert.Contains("coverage tow, remote", result.Output, StringComparison.Ordinal);
        Assert.Contains("West Plateau *", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("East *", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ChangesCloseUnknownCenter_ExitsTwoAndPrintsThePath()
    {
        using var temp = new TempDirectory();
        var changes = temp.Write("changes.json", """{"closeCenters": ["c-nowhere"]}""");

        var result = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--changes", changes, "--out", temp.File("out")]);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("changes.closeCenters[0]", result.Error, StringComparison.Ordinal);
        Assert.Contains("c-nowhere", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")), "nothing is written for invalid input");
    }

    [Fact]
    public async Task Simulate_MalformedChangesFile_ExitsTwoAndNamesFileAndJsonPath()
    {
        using var temp = new TempDirectory();
        var changes = temp.Write("changes.json", """{"addResources": [{"centerId": "c-east", "id": "r-new", "type": "flatbed", "position": {"lat": 31}}]}""");

        var result = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--changes", changes, "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("--changes " + changes, result.Error, StringComparison.Ordinal);
        Assert.Contains("$.addResources[0].position", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ChangesAddingAFlatbed_RunsTheScenarioWithIt()
    {
        using var temp = new TempDirectory();
        var changes = temp.Write("changes.json", """{"addResources": [{"centerId": "c-west", "id": "r-west-fb9", "type": "flatbed"}]}""");

        var result = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, .. TestFiles.ShortDemand, "--changes", changes, "--out", temp.Path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("result.json")));
        var busy = answer.RootElement.GetProperty("scenario").GetProperty("busyShare").EnumerateArray()
            .Select(b => (b.GetProperty("centerId").GetString(), b.GetProperty("type").GetString())).ToList();
        Assert.Contains(("c-west", "flatbed"), busy);
    }

    [Fact]
    public async Task Simulate_ReplayFile_RunsExactlyThoseIncidents()
    {
        using var temp = new TempDirectory();
        var replay = temp.Write("replay.json", """
            [
              {"id": "i-1", "reportedAt": "2026-01-05T08:00:00Z", "location": {"lat": 31.1, "lon": 111.1}, "fault": "battery", "vehicle": {"powertrain": "ice"}, "priority": "p2"},
              {"id": "i-2", "reportedAt": "2026-01-05T09:00:00Z", "location": {"lat": 30.9, "lon": 109.3}, "fault": "accident", "vehicle": {"powertrain": "bev"}, "priority": "p1"},
              {"id": "i-3", "reportedAt": "2026-01-05T10:00:00Z", "location": {"lat": 31.0, "lon": 110.9}, "fault": "battery", "vehicle": {"powertrain": "ice"}, "priority": "p3"}
            ]
            """);

        var result = await CliHarness.RunAsync("simulate", "--network", TestFiles.TinyNetwork, "--replay", replay, "--out", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("result.json")));
        Assert.Equal(3, answer.RootElement.GetProperty("scenario").GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Simulate_NetworkFileNotJson_ExitsTwoNamingTheFile()
    {
        using var temp = new TempDirectory();
        var network = temp.Write("network.json", "{ not json");

        var result = await CliHarness.RunAsync("simulate", "--network", network, "--out", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("--network " + network, result.Error, StringComparison.Ordinal);
    }
}
