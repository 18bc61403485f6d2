using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Who did what: every timeline entry names the API key (or <c>system</c>), and <c>GET /v1/audit</c> lists
/// every admin action and every answer that showed customer data, never the data itself.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private static readonly PrivacyProbe Probe = new("Audit");

    private SiloHarness Silo { get; } = SiloHarness.ForApi();

    public async Task InitializeAsync()
    {
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task AdminActions_EachAudited_WithKeyTargetAndDetail()
    {
        var adminId = await PrivacyProbe.AdminKeyIdAsync(Silo);
        using var admin = Silo.Admin();
        var (plannerId, planner) = await PrivacyProbe.NewKeyAsync(Silo, "planner");
        planner.Dispose();
        await admin.PostJsonAsync($"/v1/centers/{SitesNetwork.Center(2)}/stock", new { sku = IncidentBodies.TireSku, delta = 3, reason = "delivery" }).ExpectAsync(HttpStatusCode.OK);
        await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(2)}/status", new { status = "offline" }).ExpectAsync(HttpStatusCode.OK);
        await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(2)}/position", new { lat = 30.5, lon = 91.25 }).ExpectAsync(HttpStatusCode.OK);
        using (var revoked = await admin.DeleteAsync($"/v1/admin/keys/{plannerId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        // Refused changes changed nothing and are not audited.
        using (var refused = await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(2)}/status", new { status = "busy" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var entries = await ListAllAsync(admin, $"/v1/audit?keyId={adminId}");
        var byAction = entries.ToLookup(e => e.Str("action"));
        Assert.Equal("network", Assert.Single(byAction["network.replace"]).Str("target"));
        var stock = Assert.Single(byAction["stock.change"]);
        Assert.Equal(SitesNetwork.Center(2), stock.Str("target"));
        Assert.Equal($"{IncidentBodies.TireSku} +3 (delivery)", stock.Str("detail"));
        var status = Assert.Single(byAction["resource.status"]);
        Assert.Equal((SitesNetwork.Van(2), "offline"), (status.Str("target"), status.Str("detail")));
        Assert.Equal("30.5,91.25", Assert.Single(byAction["resource.position"]).Str("detail"));
        var created = Assert.Single(byAction["key.create"], e => e.Str("target") == plannerId);
        Assert.Equal("role planner", created.Str("detail"));
        Assert.Equal(plannerId, Assert.Single(byAction["key.revoke"]).Str("target"));
        Assert.All(entries, e =>
        {
            Assert.Equal(adminId, e.Str("keyId"));
            Assert.True(e.GetProperty("at").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(1));
        });
    }

    [Fact]
    public async Task CustomerDataReads_AuditedForAgentAndAdmin_NotForPlanners_TimelineNamesTheKey()
    {
        var (agentId, agent) = await PrivacyProbe.NewKeyAsync(Silo, "agent");
        var (_, planner) = await PrivacyProbe.NewKeyAsync(Silo, "planner");
        using (agent)
        using (planner)
        {
            var id = $"audit-read-{Guid.NewGuid():N}";
            await agent.CreateCaseAsync(Probe.Call(id));
            await agent.DispatchCaseAsync(id);
            var shown = await agent.GetJsonAsync(CaseSteps.CasePath(id));
            // What the agent did names the agent's key; what the clock did (the call is old: escalated, overdue) the silo.
            Assert.All(shown.GetProperty("timeline").EnumerateArray(), e =>
                Assert.Equal(e.Str("type") is "escalated" or "overdue" ? "system" : agentId, e.Str("by")));
            Assert.Contains(shown.GetProperty("timeline").EnumerateArray(), e => e.Str("type") == "dispatched" && e.Str("by") == agentId);

            await agent.GetJsonAsync("/v1/incidents?status=dispatched");
            await planner.GetJsonAsync(CaseSteps.CasePath(id));
            await planner.GetJsonAsync("/v1/incidents");

            using var admin = Silo.Admin();
            var about = await ListAllAsync(admin, $"/v1/audit?incidentId={id}");
            Assert.Equal(["customer.read", "customer.list"], about.Select(e => e.Str("action")));
            Assert.All(about, e => Assert.Equal(agentId, e.Str("keyId")));
            Assert.Equal(id, about[0].Str("incidentId"));
            Assert.Contains(id, about[1].GetProperty("incidentIds").EnumerateArray().Select(i => i.GetString()));

            var text = await admin.GetTextAsync("/v1/audit");
            Probe.AssertAbsent(text, "the audit log");
        }
    }

    [Fact]
    public async Task Audit_PagedWithCursor_FiltersByTime_RefusesBadInputAndOtherRoles()
    {
        using var admin = Silo.Admin();
        for (var i = 0; i < 5; i++)
        {
            await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(3)}/position", new { lat = 30.0 + i, lon = 91.0 }).ExpectAsync(HttpStatusCode.OK);
        }

        var all = await ListAllAsync(admin, "/v1/audit", limit: 1_000);
        var paged = await ListAllAsync(admin, "/v1/audit", limit: 2);
        Assert.Equal(all.Select(e => e.Str("id")), paged.Select(e => e.Str("id")));
        Assert.True(all.Count >= 6);

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("o"));
        Assert.Empty(PrivacyProbe.Items(await admin.GetJsonAsync($"/v1/audit?from={future}&to={future}")));

        foreach (var bad in new[] { "limit=0", "limit=1001", "limit=x", "cursor=nope", "from=yesterday", "from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
            "to=0001-01-02T00:00:00Z", "from=9999-12-30T00:00:00Z&to=9999-12-31T00:00:00Z" })
        {
            using var response = await admin.GetAsync("/v1/audit?" + bad);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }

        using var agent = await Silo.AgentAsync();
        using var planner = await Silo.PlannerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync("/v1/audit")).StatusCode);
    }

    private static async Task<List<JsonElement>> ListAllAsync(HttpClient admin, string path, int limit = 100)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = await admin.GetJsonAsync($"{path}{separator}limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var got = PrivacyProbe.Items(page).ToList();
            Assert.True(got.Count <= limit);
            items.AddRange(got);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }
}
