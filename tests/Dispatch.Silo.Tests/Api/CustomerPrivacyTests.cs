using System.Net;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Who called and how to reach them: agents see it, planners see <c>***</c>, the log never sees it.</summary>
[Collection(DemoSiloFixture.Collection)]
public sealed class CustomerPrivacyTests(DemoSiloFixture fixture)
{
    // Made-up and distinctive, so that a match in the log can only be a leak.
    private const string Name = "Qiangba Privacy-Probe-7Q";
    private const string Phone = "+86 139 0000 7777";

    private static readonly GeoPoint Lhasa = new(29.65, 91.13);

    private SiloHarness Silo => fixture.Silo;

    private static IncidentRequest Call(string id) =>
        (IncidentBodies.FlatTire(Lhasa, id) with { Vehicle = new VehicleDocument { Powertrain = "bev", TireSpec = "255/50R20" } })
            .WithCustomer(Name, Phone);

    [Fact]
    public async Task Case_PlannerSeesCustomerMasked_AgentSeesIt()
    {
        using var agent = await Silo.AgentAsync();
        using var planner = await Silo.PlannerAsync();
        var id = $"privacy-{Guid.NewGuid():N}";
        var created = await agent.CreateCaseAsync(Call(id));
        Assert.Equal(Name, created.GetProperty("incident").GetProperty("customer").Str("name"));
        Assert.Equal(Phone, created.GetProperty("incident").GetProperty("customer").Str("phone"));

        var asAgent = await agent.GetJsonAsync(CaseSteps.CasePath(id));
        Assert.Equal(Name, asAgent.GetProperty("incident").GetProperty("customer").Str("name"));
        Assert.Equal(Phone, asAgent.GetProperty("incident").GetProperty("customer").Str("phone"));

        var asPlanner = await planner.GetTextAsync(CaseSteps.CasePath(id));
        var maskedCustomer = ApiJson.Node(asPlanner)["incident"]!["customer"]!;
        Assert.Equal("***", (string?)maskedCustomer["name"]);
        Assert.Equal("***", (string?)maskedCustomer["phone"]);
        Assert.DoesNotContain(Name, asPlanner, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, asPlanner, StringComparison.Ordinal);

        var plannerList = await planner.GetTextAsync("/v1/incidents?status=open");
        Assert.Contains(id, plannerList, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, plannerList, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, plannerList, StringComparison.Ordinal);

        var agentList = await agent.GetTextAsync("/v1/incidents?status=open");
        Assert.Contains(Name, agentList, StringComparison.Ordinal);
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Log_WholeCaseLifeAndBadRequests_NeverCarriesNameOrPhone()
    {
        var logs = Silo.Logs!;
        using var agent = await Silo.AgentAsync();
        var id = $"privacy-log-{Guid.NewGuid():N}";
        await agent.CreateCaseAsync(Call(id) with { Notes = "call back on " + Phone });
        await agent.DispatchCaseAsync(id);
        await agent.CompleteAsync(id);

        // Refusals go through other code paths: a conflicting retry, an invalid body, a body that is not JSON.
        using (var clash = await agent.PostJsonAsync("/v1/incidents", Call(id) with { Priority = "p1" }))
        {
            await ProblemAssert.IsProblemAsync(clash, HttpStatusCode.Conflict);
        }

        using (var invalid = await agent.PostJsonAsync("/v1/incidents", Call(id) with { Priority = "urgent" }))
        {
            await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest);
        }

        using (var broken = await agent.SendRawAsync(HttpMethod.Post, "/v1/incidents", $$$"""{"customer":{"name":"{{{Name}}}","phone":{{{Phone}}}}}"""))
        {
            await ProblemAssert.IsProblemAsync(broken, HttpStatusCode.BadRequest);
        }

        // The capture works and sees debug entries of the very requests above.
        Assert.NotEmpty(logs.Containing("Rejected POST /v1/incidents with 400"));
        Assert.Empty(logs.Containing(Name));
        Assert.Empty(logs.Containing(Phone));
        Assert.Empty(logs.Containing("Privacy-Probe"));
    }
}
