using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Escalation;

/// <summary>The escalation scenarios that run on each storage: a case open across a restart, woken by its reminder,
/// each level once; a closed case's reminder row gone. The silo runs a short real standard (<see cref="Configure"/>).</summary>
internal sealed class EscalationScenarios(SiloHarness silo, Func<string, Task<long>> reminderRows)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>Levels at 2 s and 32 s after the call: level 2 well after the silo stops, so that the restarted
    /// silo's reminder is what records it.</summary>
    public static void Configure(SiloHarness silo)
    {
        silo.Settings["Dispatch:Sla:DispatchWithin"] = "00:00:02";
        silo.Settings["Dispatch:Sla:EscalateAgainAfter"] = "00:00:30";
    }

    public static async Task PutNetworkAsync(SiloHarness silo)
    {
        using var admin = silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
    }

    public async Task CaseOpenAcrossARestart_ReminderWakesItAndEachLevelFiresOnce(string id)
    {
        using (var agent = await silo.AgentAsync())
        {
            await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(1), id) with { ReportedAt = DateTimeOffset.UtcNow });
        }

        // The reminder is written just after the case (its first timer tick); the silo stops once it is there.
        await WaitUntilAsync(async () => await reminderRows(id) == 1, "the case's reminder row");
        await silo.StopAsync();
        var level2BeforeRestart = Level2Logged(id);
        silo.Start();

        // Nothing reads the case: only its reminder can wake it on the new silo.
        await WaitUntilAsync(() => Task.FromResult(Level2Logged(id) == 1), "level 2 logged");
        using var reader = await silo.AgentAsync();
        var woken = await reader.GetJsonAsync(CaseSteps.CasePath(id));
        await silo.RestartAsync();
        using var again = await silo.AgentAsync();
        var afterSecondRestart = await again.GetJsonAsync(CaseSteps.CasePath(id));

        Assert.Equal(0, level2BeforeRestart);
        Assert.Equal(1, Level2Logged(id));
        Assert.Equal([1, 2], Levels(woken));
        Assert.Equal(2, woken.GetProperty("escalationLevel").GetInt32());
        Assert.Equal([1, 2], Levels(afterSecondRestart));
        Assert.Equal(woken.GetProperty("timeline").ToString(), afterSecondRestart.GetProperty("timeline").ToString());
    }

    public async Task CaseCancelled_ItsReminderRowGoes(string id)
    {
        using var agent = await silo.AgentAsync();
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(2), id) with { ReportedAt = DateTimeOffset.UtcNow });
        await WaitUntilAsync(async () => await reminderRows(id) == 1, "the case's reminder row");

        await agent.AddEventAsync(id, "cancelled");

        await WaitUntilAsync(async () => await reminderRows(id) == 0, "the closed case's reminder row to go");
    }

    private int Level2Logged(string incidentId) =>
        silo.Logs!.Containing($"Incident {incidentId} escalated to level 2").Count;

    private static int[] Levels(JsonElement @case) =>
        [.. @case.GetProperty("timeline").EnumerateArray().Where(t => t.Str("type") == "escalated").Select(t => t.GetProperty("level").GetInt32())];

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {Patience} for {what}; the silo's last words on reminders:\n{string.Join("\n", (silo.Logs?.Containing("eminder") ?? []).TakeLast(5))}");
            await Task.Delay(200);
        }
    }
}
