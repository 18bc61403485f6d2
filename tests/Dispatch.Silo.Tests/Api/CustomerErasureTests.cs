using System.Net;
using System.Text;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary><c>DELETE /v1/incidents/{id}/customer</c> and retention (<c>Dispatch:Privacy:RetainClosedFor</c>): the
/// customer data goes, from the answers and from storage; the case, its timeline and KPIs stay.</summary>
public sealed class CustomerErasureTests : IAsyncLifetime
{
    private static readonly PrivacyProbe Probe = new("Erase");

    private SiloHarness Silo { get; } = SiloHarness.ForApi();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    private async Task StartAsync()
    {
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_AdminErases_CaseStays_Idempotent_RetryConflicts_GoneFromStorage()
    {
        await StartAsync();
        const string id = "erase-1";
        using var agent = await Silo.AgentAsync();
        using var admin = Silo.Admin();
        await agent.CreateCaseAsync(Probe.Call(id));
        var dispatched = await agent.DispatchCaseAsync(id);

        // Only admins may erase.
        using (var asAgent = await agent.DeleteAsync(CaseSteps.CasePath(id) + "/customer"))
        {
            await ProblemAssert.IsProblemAsync(asAgent, HttpStatusCode.Forbidden);
        }

        for (var i = 0; i < 2; i++)
        {
            using var erased = await admin.DeleteAsync(CaseSteps.CasePath(id) + "/customer");
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        var shown = await agent.GetJsonAsync(CaseSteps.CasePath(id));
        var incident = shown.GetProperty("incident");
        Assert.False(incident.TryGetProperty("customer", out _));
        Assert.False(incident.TryGetProperty("vin", out _));
        Assert.False(incident.TryGetProperty("notes", out _));
        Assert.Equal("dispatched", shown.Str("status"));
        Assert.Equal(dispatched.GetProperty("timeToDispatchSec").GetDouble(), shown.GetProperty("timeToDispatchSec").GetDouble());
        var erasedEntry = Assert.Single(shown.GetProperty("timeline").EnumerateArray(), e => e.Str("type") == "customerErased");
        Assert.Equal("request", erasedEntry.Str("detail"));
        Assert.Equal(await PrivacyProbe.AdminKeyIdAsync(Silo), erasedEntry.Str("by"));

        using (var retried = await agent.PostJsonAsync("/v1/incidents", Probe.Call(id)))
        {
            await ProblemAssert.IsProblemAsync(retried, HttpStatusCode.Conflict);
        }

        using (var unknown = await admin.DeleteAsync(CaseSteps.CasePath("erase-unknown") + "/customer"))
        {
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        var audit = PrivacyProbe.Items(await admin.GetJsonAsync($"/v1/audit?incidentId={id}")).ToList();
        Assert.Equal(2, audit.Count(e => e.Str("action") == "customer.erase"));

        // The case's row and the database files hold nothing of the customer's.
        await agent.CompleteAsync(id);
        await Silo.StopAsync();
        var files = Directory.GetFiles(Silo.DataDir, "dispatch.db*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Probe.AssertAbsent(Encoding.UTF8.GetString(File.ReadAllBytes(file)), file);
        }
    }

    [Fact]
    public async Task Retention_ClosedCaseOlderThanSetting_ErasedBySweep_OpenCaseKept()
    {
        Silo.Settings["Dispatch:Privacy:RetainClosedFor"] = "00:00:01";
        Silo.Settings["Dispatch:Privacy:SweepEvery"] = "00:00:01";
        await StartAsync();
        using var agent = await Silo.AgentAsync();
        await agent.CreateCaseAsync(Probe.Call("retain-closed", site: 1));
        await agent.CreateCaseAsync(Probe.Call("retain-open", site: 2));
        await agent.AddEventAsync("retain-closed", "cancelled");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement closed;
        while (true)
        {
            closed = await agent.GetJsonAsync(CaseSteps.CasePath("retain-closed"));
            if (!closed.GetProperty("incident").TryGetProperty("customer", out _))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the sweep did not erase the closed case within 90 s");
            await Task.Delay(250);
        }

        var entry = Assert.Single(closed.GetProperty("timeline").EnumerateArray(), e => e.Str("type") == "customerErased");
        Assert.Equal(("retention", "system"), (entry.Str("detail"), entry.Str("by")));
        Assert.Equal("cancelled", closed.Str("status"));
        var open = await agent.GetJsonAsync(CaseSteps.CasePath("retain-open"));
        Assert.Equal(Probe.Name, open.GetProperty("incident").GetProperty("customer").Str("name"));
    }
}
