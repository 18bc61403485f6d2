using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary>How runs share the CPU and outlive the silo: each test has a silo of its own, which it may restart on the
/// same data directory with other settings.</summary>
public sealed class ScenarioRunTests : IAsyncLifetime
{
    private SiloHarness Silo { get; } = SiloHarness.ForApi();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task Restart_CompletedRun_SameAnswerBitForBit()
    {
        await StartAsync();
        using (var planner = await Silo.PlannerAsync())
        {
            var id = await planner.SubmitAsync(ScenarioSteps.Generated(days: 1, ratePerDay: 400) with { Changes = ScenarioSteps.CloseAndAdd });
            await planner.WaitUntilCompletedAsync(id);
        }

        var before = await SnapshotAsync();
        await Silo.StopAsync();
        Silo.Start();

        var after = await SnapshotAsync();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (what, text) in before)
        {
            Assert.True(text == after[what], $"{what} differs after the restart.\nBefore: {ApiJson.Shorten(text)}\nAfter:  {ApiJson.Shorten(after[what])}");
        }
    }

    [Fact]
    public async Task Restart_QueuedRun_RunsWhenTheSiloIsBack()
    {
        // No slot at all: the run is accepted and waits.
        Silo.Settings["Dispatch:Scenarios:MaxRunning"] = "0";
        await StartAsync();
        string id;
        using (var planner = await Silo.PlannerAsync())
        {
            id = await planner.SubmitAsync(ScenarioSteps.Replay(20));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.Equal("queued", (await planner.GetScenarioAsync(id)).Str("status"));
        }

        await Silo.StopAsync();
        Silo.Settings.Remove("Dispatch:Scenarios:MaxRunning");
        Silo.Start();

        // Nobody asks about the run: the silo takes it up again by itself.
        using var admin = Silo.Admin();
        await Eventually(async () => (await admin.GetJsonAsync(ScenarioSteps.Path)).GetProperty("items")[0].Str("status") == "completed");
        var run = await admin.WaitUntilCompletedAsync(id);
        Assert.Equal(20, run.GetProperty("scenario").GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Restart_RunningRun_RunsAgainToTheSameAnswer()
    {
        await StartAsync();
        string interrupted;
        using (var planner = await Silo.PlannerAsync())
        {
            interrupted = await planner.SubmitAsync(ScenarioSteps.Medium("interrupted"));
            await planner.WaitUntilComputingAsync(interrupted);
        }

        await Silo.StopAsync();
        Silo.Start();

        using var again = await Silo.PlannerAsync();
        var resumed = await again.WaitUntilCompletedAsync(interrupted);
        Assert.Equal(1.0, resumed.GetProperty("progress").GetDouble());

        // Deterministic: the run started again from the beginning answers what an uninterrupted one does.
        var fresh = await again.WaitUntilCompletedAsync(await again.SubmitAsync(ScenarioSteps.Medium("uninterrupted")));
        Assert.Equal(fresh.GetProperty("scenario").GetRawText(), resumed.GetProperty("scenario").GetRawText());
        Assert.Equal(fresh.GetProperty("baseline").GetRawText(), resumed.GetProperty("baseline").GetRawText());
    }

    [Fact]
    public async Task PerKeyLimit_SecondRunOfTheSameKey_QueuedUntilTheFirstEnds()
    {
        await StartAsync();
        using var planner = await Silo.PlannerAsync();
        using var admin = Silo.Admin();
        var first = await planner.SubmitAsync(ScenarioSteps.Medium("first"));
        var second = await planner.SubmitAsync(ScenarioSteps.Replay(10, "second"));
        var otherKey = await admin.SubmitAsync(ScenarioSteps.Replay(10, "other key"));

        var waiting = await planner.GetScenarioAsync(second);
        Assert.Equal("queued", waiting.Str("status"));
        Assert.False(waiting.TryGetProperty("startedAt", out _));
        Assert.Equal(0, waiting.GetProperty("progress").GetDouble());
        Assert.Equal("queued", (await planner.GetJsonAsync(ScenarioSteps.Path)).GetProperty("items").EnumerateArray().Single(i => i.Str("id") == second).Str("status"));

        var firstDone = await planner.WaitUntilCompletedAsync(first);
        var secondDone = await planner.WaitUntilCompletedAsync(second);
        var otherDone = await admin.WaitUntilCompletedAsync(otherKey);
        Assert.True(secondDone.GetProperty("startedAt").GetDateTimeOffset() >= firstDone.GetProperty("finishedAt").GetDateTimeOffset(),
            $"the second run started before the first ended:\n{firstDone.GetRawText()}\n{secondDone.GetRawText()}");
        // Another key has a slot of its own (two in the cluster): it did not wait for the first.
        Assert.True(otherDone.GetProperty("startedAt").GetDateTimeOffset() < firstDone.GetProperty("finishedAt").GetDateTimeOffset(),
            $"the other key's run waited for the first:\n{firstDone.GetRawText()}\n{otherDone.GetRawText()}");
    }

    [Fact]
    public async Task ClusterLimit_OneSlot_OtherKeyQueuedUntilTheFirstEnds()
    {
        Silo.Settings["Dispatch:Scenarios:MaxRunning"] = "1";
        await StartAsync();
        using var planner = await Silo.PlannerAsync();
        using var admin = Silo.Admin();
        var first = await planner.SubmitAsync(ScenarioSteps.Medium("first"));
        var other = await admin.SubmitAsync(ScenarioSteps.Replay(10, "other key"));

        Assert.Equal("queued", (await admin.GetScenarioAsync(other)).Str("status"));
        var firstDone = await planner.WaitUntilCompletedAsync(first);
        var otherDone = await admin.WaitUntilCompletedAsync(other);
        Assert.True(otherDone.GetProperty("startedAt").GetDateTimeOffset() >= firstDone.GetProperty("finishedAt").GetDateTimeOffset());
    }

    private async Task StartAsync()
    {
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>The list and each run, as the server wrote them.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        using var planner = await Silo.PlannerAsync();
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal) { ["list"] = await planner.GetTextAsync(ScenarioSteps.Path) };
        foreach (var id in await planner.ListIdsAsync())
        {
            snapshot[id] = await planner.GetTextAsync(ScenarioSteps.ScenarioPath(id));
        }

        return snapshot;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ScenarioSteps.Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
