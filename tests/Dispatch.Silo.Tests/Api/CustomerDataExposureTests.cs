using System.Net;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Customer data reaches agents and admins only: no planner answer shows it, and no log line or metric
/// carries it, through a whole case life, an erasure and the audit.</summary>
public sealed class CustomerDataExposureTests : IAsyncLifetime
{
    private static readonly PrivacyProbe Probe = new("Expose");

    private SiloHarness Silo { get; } = SiloHarness.ForApi(captureLogs: true);

    public async Task InitializeAsync()
    {
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task PlannerAnswers_NeverShowCustomerData()
    {
        using var agent = await Silo.AgentAsync();
        using var planner = await Silo.PlannerAsync();
        const string id = "expose-planner";
        await agent.CreateCaseAsync(Probe.Call(id));
        await agent.DispatchCaseAsync(id);

        var answers = new List<string>
        {
            await planner.GetTextAsync(CaseSteps.CasePath(id)),
            await planner.GetTextAsync("/v1/incidents"),
            await planner.GetTextAsync("/v1/incidents?status=active"),
            await planner.GetTextAsync("/v1/network"),
            await planner.GetTextAsync($"/v1/centers/{SitesNetwork.Center(1)}"),
        };
        Assert.Contains("***", answers[0], StringComparison.Ordinal);
        foreach (var answer in answers)
        {
            Probe.AssertAbsent(answer, "a planner's answer");
        }

        // The answers that echo an incident body or open cases are for agents only.
        using (var recommend = await planner.PostJsonAsync("/v1/recommendations", Probe.Call("expose-rec")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, recommend.StatusCode);
            Probe.AssertAbsent(await recommend.Content.ReadAsStringAsync(), "a refusal");
        }

        using (var batch = await planner.PostJsonAsync("/v1/dispatch/batch", new { incidents = new[] { Probe.Call("expose-batch") }, commit = false }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, batch.StatusCode);
        }

        using (var create = await planner.PostJsonAsync("/v1/incidents", Probe.Call("expose-create")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        // A scenario replaying calls with customer data: its answers carry KPIs, not the calls.
        var replay = ScenarioSteps.Replay(4);
        replay = replay with { Demand = replay.Demand! with { Incidents = [.. replay.Demand.Incidents!.Select(i => i with { Customer = Probe.Call("x").Customer, Vin = Probe.Vin, Notes = Probe.Notes })] } };
        var scenarioId = await planner.SubmitAsync(replay);
        await planner.WaitUntilCompletedAsync(scenarioId);
        Probe.AssertAbsent(await planner.GetTextAsync($"/v1/scenarios/{scenarioId}"), "a scenario answer");
        Probe.AssertAbsent(await planner.GetTextAsync("/v1/scenarios"), "the scenario list");
    }

    [Fact]
    public async Task WholeCaseLife_ErasureAndAudit_NeverInLogsOrMetrics()
    {
        using var agent = await Silo.AgentAsync();
        using var admin = Silo.Admin();
        const string id = "expose-life";
        var created = await agent.CreateCaseAsync(Probe.Call(id) with { AutoDispatch = true });
        Assert.Equal(Probe.Name, created.GetProperty("incident").GetProperty("customer").Str("name"));
        await agent.GetJsonAsync(CaseSteps.CasePath(id));
        await agent.GetJsonAsync("/v1/incidents?status=active");
        await agent.CompleteAsync(id);

        // Refusals take other paths: a conflicting retry, an invalid body.
        using (var clash = await agent.PostJsonAsync("/v1/incidents", Probe.Call(id) with { Priority = "p1" }))
        {
            await ProblemAssert.IsProblemAsync(clash, HttpStatusCode.Conflict);
        }

        using (var invalid = await agent.PostJsonAsync("/v1/incidents", Probe.Call("expose-bad") with { Priority = "urgent" }))
        {
            await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest);
        }

        using (var broken = await agent.SendRawAsync(HttpMethod.Post, "/v1/incidents", $$$"""{"customer":{"name":"{{{Probe.Name}}}","phone":{{{Probe.Phone}}}}}"""))
        {
            await ProblemAssert.IsProblemAsync(broken, HttpStatusCode.BadRequest);
        }

        await admin.GetJsonAsync(CaseSteps.CasePath(id));
        using (var erased = await admin.DeleteAsync(CaseSteps.CasePath(id) + "/customer"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        var audit = await admin.GetTextAsync("/v1/audit");
        Assert.Contains("customer.read", audit, StringComparison.Ordinal);
        Probe.AssertAbsent(audit, "the audit log");

        using var anonymous = Silo.Anonymous();
        var metrics = await anonymous.GetStringAsync("/metrics");
        Assert.Contains("dispatch_", metrics, StringComparison.Ordinal);
        Probe.AssertAbsent(metrics, "the metrics");

        // The capture works: it holds the debug lines of the very requests above.
        var logs = Silo.Logs!;
        Assert.NotEmpty(logs.Containing("Rejected POST /v1/incidents with 400"));
        foreach (var needle in Probe.Needles)
        {
            Assert.Empty(logs.Containing(needle));
        }
    }
}
