using System.Net;
using System.Text;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Silo.Tests.Metrics;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary><c>/v1/scenarios</c> on a real silo with <see cref="SitesNetwork"/>: runs complete with KPIs, repeat
/// bit for bit, never touch live state, can be cancelled, and are for planners and admins only.</summary>
public sealed class ScenarioEndpointTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private SiloHarness Silo => fixture.Silo;

    [Fact]
    public async Task Submit_ReplayedCalls_CompletesWithKpisOfEveryCall()
    {
        using var planner = await Silo.PlannerAsync();
        var id = await planner.SubmitAsync(ScenarioSteps.Replay(40, name: "forty calls") with { Changes = ScenarioSteps.CloseAndAdd });

        var run = await planner.WaitUntilCompletedAsync(id);
        Assert.Equal(id, run.Str("id"));
        Assert.Equal("forty calls", run.Str("name"));
        Assert.Equal(1.0, run.GetProperty("progress").GetDouble());
        var created = run.GetProperty("createdAt").GetDateTimeOffset();
        var started = run.GetProperty("startedAt").GetDateTimeOffset();
        var finished = run.GetProperty("finishedAt").GetDateTimeOffset();
        Assert.True(created <= started && started <= finished, run.GetRawText());
        Assert.False(run.TryGetProperty("error", out _));
        foreach (var side in new[] { "scenario", "baseline" })
        {
            var kpis = run.GetProperty(side);
            Assert.Equal(40, kpis.GetProperty("incidents").GetInt32());
            Assert.Equal(40, kpis.GetProperty("served").GetInt32() + kpis.GetProperty("unserved").GetInt32());
            Assert.True(kpis.GetProperty("served").GetInt32() > 0, $"{side}: {kpis.GetRawText()}");
            var response = kpis.GetProperty("responseMin");
            foreach (var statistic in new[] { "mean", "p50", "p90", "p95", "max" })
            {
                Assert.True(response.GetProperty(statistic).GetDouble() >= 0);
            }

            Assert.InRange(kpis.GetProperty("withinStandardShare").GetDouble(), 0, 1);
            Assert.Equal(NetworkBuilder.SouthRegion, Assert.Single(kpis.GetProperty("byRegion").EnumerateArray()).Str("region"));
            Assert.NotEmpty(kpis.GetProperty("busyShare").EnumerateArray());
            Assert.Equal(JsonValueKind.Object, kpis.GetProperty("partsConsumed").ValueKind);
            Assert.True(kpis.GetProperty("stockOuts").GetInt32() >= 0);
            // No region of the sites network is remote: a share over no demand is null, and says so.
            var tow = kpis.GetProperty("coverage").GetProperty("tow");
            // A time average of shares: the sum may land an ulp above 1.
            Assert.InRange(tow.GetProperty("all").GetDouble(), 0, 1 + 1e-9);
            Assert.Equal(JsonValueKind.Null, tow.GetProperty("remote").ValueKind);
        }

        // The scenario closed two centers: they are not in its run, and they are in the baseline's.
        static List<string> CentersOf(JsonElement kpis) =>
            [.. kpis.GetProperty("busyShare").EnumerateArray().Select(b => b.Str("centerId")).Distinct()];
        Assert.DoesNotContain(SitesNetwork.Center(1), CentersOf(run.GetProperty("scenario")));
        Assert.Contains(SitesNetwork.Center(1), CentersOf(run.GetProperty("baseline")));

        var listed = (await planner.GetJsonAsync(ScenarioSteps.Path)).GetProperty("items").EnumerateArray().Single(i => i.Str("id") == id);
        Assert.Equal("completed", listed.Str("status"));
        Assert.Equal("forty calls", listed.Str("name"));
        Assert.False(listed.TryGetProperty("scenario", out _));
    }

    [Fact]
    public async Task Submit_SameRequestTwice_BitIdenticalScenarioAndBaseline()
    {
        using var planner = await Silo.PlannerAsync();
        var request = ScenarioSteps.Generated(days: 2, ratePerDay: 300) with { Changes = ScenarioSteps.CloseAndAdd, BaselinePolicy = "closest" };

        var first = await planner.WaitUntilCompletedAsync(await planner.SubmitAsync(request));
        var second = await planner.WaitUntilCompletedAsync(await planner.SubmitAsync(request));

        Assert.NotEqual(first.Str("id"), second.Str("id"));
        Assert.True(first.GetProperty("scenario").GetProperty("incidents").GetInt32() > 100, first.GetRawText());
        Assert.Equal(first.GetProperty("scenario").GetRawText(), second.GetProperty("scenario").GetRawText());
        Assert.Equal(first.GetProperty("baseline").GetRawText(), second.GetProperty("baseline").GetRawText());
        // The changes matter, so equal answers are not just two empty runs.
        Assert.NotEqual(first.GetProperty("scenario").GetRawText(), first.GetProperty("baseline").GetRawText());
    }

    [Fact]
    public async Task Run_ClosesCentersAndAddsUnits_LiveNetworkAndActiveCasesUnchanged()
    {
        using var agent = await Silo.AgentAsync();
        using var planner = await Silo.PlannerAsync();
        // Live units held by open cases: the run takes them as free, live state keeps them held.
        await agent.DispatchCaseAsync((await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(1), "scn-live-1"))).Str("id"));
        await agent.DispatchCaseAsync((await agent.CreateCaseAsync(IncidentBodies.Stuck(SitesNetwork.At(0), "scn-live-2"))).Str("id"));
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(2), "scn-live-3"));
        var network = await agent.GetTextAsync("/v1/network");
        var active = await agent.GetTextAsync("/v1/incidents?status=active");
        var center = await agent.GetTextAsync("/v1/centers/" + SitesNetwork.Center(0));

        var request = ScenarioSteps.Replay(60) with { Changes = ScenarioSteps.CloseAndAdd with { Stock = [new StockSettingDocument { CenterId = SitesNetwork.Center(0), Sku = IncidentBodies.TireSku, OnHand = 50 }] } };
        var run = await planner.WaitUntilCompletedAsync(await planner.SubmitAsync(request));
        Assert.Equal(60, run.GetProperty("scenario").GetProperty("incidents").GetInt32());

        Assert.Equal(network, await agent.GetTextAsync("/v1/network"));
        Assert.Equal(active, await agent.GetTextAsync("/v1/incidents?status=active"));
        Assert.Equal(center, await agent.GetTextAsync("/v1/centers/" + SitesNetwork.Center(0)));
        Assert.DoesNotContain("r-0-fb2", network, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_LongRun_CancelledAndStops()
    {
        using var planner = await Silo.PlannerAsync();
        var id = await planner.SubmitAsync(ScenarioSteps.Long("long"));
        await planner.WaitUntilComputingAsync(id);

        using var response = await planner.CancelAsync(id);
        var cancelled = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        // The answer comes once the computation stopped: it got part of the way, not to the end.
        var progress = cancelled.GetProperty("progress").GetDouble();
        Assert.InRange(progress, double.Epsilon, 0.99);
        Assert.True(cancelled.TryGetProperty("finishedAt", out _));
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("scenario").ValueKind);
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("baseline").ValueKind);

        await Task.Delay(TimeSpan.FromSeconds(1));
        var later = await planner.GetScenarioAsync(id);
        Assert.Equal(cancelled.GetRawText(), later.GetRawText());

        // Cancelling again answers the same: a retry is safe.
        using var again = await planner.CancelAsync(id);
        Assert.Equal(cancelled.GetRawText(), (await again.ExpectJsonAsync(HttpStatusCode.OK)).GetRawText());

        // The slot is free again: the key's next run goes.
        await planner.WaitUntilCompletedAsync(await planner.SubmitAsync(ScenarioSteps.Replay(5)));
    }

    [Fact]
    public async Task Cancel_CompletedRun_Returns409WithTheRunUnchanged()
    {
        using var planner = await Silo.PlannerAsync();
        var id = await planner.SubmitAsync(ScenarioSteps.Replay(3));
        var completed = await planner.WaitUntilCompletedAsync(id);

        using var response = await planner.CancelAsync(id);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("completed", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("completed", problem.GetProperty("scenario").Str("status"));
        Assert.Equal(completed.GetRawText(), (await planner.GetScenarioAsync(id)).GetRawText());
    }

    [Theory]
    [InlineData("GET", "/v1/scenarios/scn-nothing")]
    [InlineData("POST", "/v1/scenarios/scn-nothing/cancel")]
    public async Task UnknownId_Returns404Problem(string method, string path)
    {
        using var planner = await Silo.PlannerAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await planner.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/v1/scenarios")]
    [InlineData("GET", "/v1/scenarios")]
    [InlineData("GET", "/v1/scenarios/scn-any")]
    [InlineData("POST", "/v1/scenarios/scn-any/cancel")]
    public async Task Endpoints_AgentKey_Return403Problem(string method, string path)
    {
        using var agent = await Silo.AgentAsync();
        using var planner = await Silo.PlannerAsync();
        var before = await planner.ListIdsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? ApiJson.Body(ScenarioSteps.Replay(2)) : null };
        using var response = await agent.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await planner.ListIdsAsync());
    }

    [Fact]
    public async Task Submit_AdminKey_MayRunToo()
    {
        using var admin = Silo.Admin();
        await admin.WaitUntilCompletedAsync(await admin.SubmitAsync(ScenarioSteps.Replay(4)));
    }

    [Fact]
    public async Task List_TwoRuns_NewestFirstWithStatusAndProgress()
    {
        using var planner = await Silo.PlannerAsync();
        var older = await planner.SubmitAsync(ScenarioSteps.Replay(2, "older"));
        await planner.WaitUntilCompletedAsync(older);
        var newer = await planner.SubmitAsync(ScenarioSteps.Replay(2, "newer"));
        await planner.WaitUntilCompletedAsync(newer);

        var items = (await planner.GetJsonAsync(ScenarioSteps.Path)).GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.Str("id")).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older), string.Join(", ", ids));
        Assert.Equal(0, ids.IndexOf(newer));
        Assert.All(items, i =>
        {
            Assert.Contains(i.Str("status"), ScenarioSteps.Finished.Append("queued").Append("running"));
            Assert.InRange(i.GetProperty("progress").GetDouble(), 0, 1);
            Assert.True(i.GetProperty("createdAt").TryGetDateTimeOffset(out _));
        });
    }

    [Fact]
    public async Task Submit_BodyOverTheDefaultLimit_Accepted()
    {
        using var planner = await Silo.PlannerAsync();
        var request = ScenarioSteps.Replay(9_000);
        var size = Encoding.UTF8.GetByteCount(DocumentJson.Write(request));
        Assert.True(size > 1024 * 1024, $"the body is only {size} bytes");

        var run = await planner.WaitUntilCompletedAsync(await planner.SubmitAsync(request));
        Assert.Equal(9_000, run.GetProperty("scenario").GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Submit_BodyOver32MB_Returns413Problem()
    {
        using var planner = await Silo.PlannerAsync();
        var before = await planner.ListIdsAsync();
        var body = "{\"name\":\"" + new string('x', (32 * 1024 * 1024) + 1) + "\"}";
        // The server refuses by the declared length before reading; with 100-continue the client waits for that answer
        // instead of pushing 32 MB into a connection the server is closing.
        using var request = new HttpRequestMessage(HttpMethod.Post, ScenarioSteps.Path) { Content = ApiJson.Raw(body) };
        request.Headers.ExpectContinue = true;
        using var response = await planner.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await planner.ListIdsAsync());
    }

    [Fact]
    public async Task OpenApi_ScenarioRoutes_DescribeTheirAnswers()
    {
        using var anonymous = Silo.Anonymous();
        var document = await anonymous.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var submit = paths.GetProperty("/v1/scenarios").GetProperty("post");
        Assert.Contains("ScenarioRequest", submit.GetProperty("requestBody").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("ScenarioAccepted", submit.GetProperty("responses").GetProperty("202").GetRawText(), StringComparison.Ordinal);
        Assert.True(submit.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Contains("ScenarioList", paths.GetProperty("/v1/scenarios").GetProperty("get").GetProperty("responses").GetProperty("200").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("ScenarioAnswer", paths.GetProperty("/v1/scenarios/{id}").GetProperty("get").GetProperty("responses").GetProperty("200").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("ScenarioAnswer", paths.GetProperty("/v1/scenarios/{id}/cancel").GetProperty("post").GetProperty("responses").GetProperty("200").GetRawText(), StringComparison.Ordinal);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("SimulationKpis", out var kpis), string.Join(", ", schemas.EnumerateObject().Select(p => p.Name)));
        Assert.True(kpis.GetProperty("properties").TryGetProperty("withinStandardShare", out _));
    }
}
