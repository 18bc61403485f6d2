using System.Text.Json;
using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.Silo;

[Collection(SiloCollection.Name)]
public sealed class CancelOnSiloTests(HoldingSiloFixture fixture) : IClassFixture<HoldingSiloFixture>
{
    [Fact]
    public async Task Simulate_CancelledWhileQueued_CancelsTheRunOnTheSilo()
    {
        using var temp = new TempDirectory();
        using var http = fixture.Silo.CreateAdminClient();
        using var ctrlC = new CancellationTokenSource();

        var run = CliHarness.RunAsync(
            ["simulate", "--url", fixture.Silo.Address.ToString(), "--key-file", fixture.Silo.AdminKeyPath, .. TestFiles.ShortDemand, "--name", "to cancel", "--out", temp.Path],
            ctrlC.Token);
        var id = await WaitForRunAsync(http, "to cancel", run);
        ctrlC.Cancel();
        var result = await run;

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.Contains(id, result.Error, StringComparison.Ordinal);
        using var scenario = JsonDocument.Parse(await http.GetStringAsync($"v1/scenarios/{id}"));
        Assert.Equal("cancelled", scenario.RootElement.GetProperty("status").GetString());
        Assert.False(File.Exists(temp.File("result.json")));
    }

    // The silo holds every run queued, so the CLI is polling once the run is listed.
    private static async Task<string> WaitForRunAsync(HttpClient http, string name, Task<CliResult> run)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (run.IsCompleted)
            {
                Assert.Fail("The CLI ended before its run was listed: " + await run);
            }

            using var list = JsonDocument.Parse(await http.GetStringAsync("v1/scenarios"));
            var found = list.RootElement.GetProperty("items").EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("name").GetString() == name);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found.GetProperty("id").GetString()!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No run named '{name}' was listed.");
    }
}
