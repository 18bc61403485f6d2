using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// <c>/v1/incidents</c>: create (idempotent), dispatch, events and listing. Each test works at its own site of
/// <see cref="SitesNetwork"/> with its own incident ids, so the tests of the class share one silo.
/// </summary>
public sealed class IncidentEndpointTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private SiloHarness Silo => fixture.Silo;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Create_NewIncident_Returns201WithOpenCase()
    {
        using var agent = await Silo.AgentAsync();
        var id = NewId("create");
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(1), id) with { Vin = "LVSHCAMB1CE000001", Notes = "left rear" };
        using var response = await agent.PostJsonAsync("/v1/incidents", incident);
        var created = await response.ExpectJsonAsync(HttpStatusCode.Created);

        ApiShapes.Case(created);
        Assert.Equal(CaseSteps.CasePath(id), response.Headers.Location?.OriginalString);
        Assert.Equal(id, created.Str("id"));
        Assert.Equal("open", created.Str("status"));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("assignment").ValueKind);
        // The bodies' reportedAt is long past the standard: both escalation levels and overdue come with the case (docs/escalation.md).
        Assert.Equal(["created", "escalated", "escalated", "overdue"], created.GetProperty("timeline").EnumerateArray().Select(t => t.Str("type")));
        var echoed = created.GetProperty("incident");
        Assert.Equal("flat_tire", echoed.Str("fault"));
        Assert.Equal(IncidentBodies.TireSpec, echoed.GetProperty("vehicle").Str("tireSpec"));
        Assert.Equal("LVSHCAMB1CE000001", echoed.Str("vin"));
        Assert.Equal(IncidentBodies.ReportedAt, echoed.GetProperty("reportedAt").GetDateTimeOffset());

        var read = await agent.GetJsonAsync(CaseSteps.CasePath(id));
        Assert.Equal(created.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Create_SameIdTwice_ReturnsTheSameCase()
    {
        using var agent = await Silo.AgentAsync();
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(2), NewId("twice"));
        var first = await agent.CreateCaseAsync(incident);
        var second = await agent.CreateCaseAsync(incident);
        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    [Fact]
    public async Task Create_SameIdDifferentBody_Returns409Problem()
    {
        using var agent = await Silo.AgentAsync();
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(2), NewId("clash"));
        var first = await agent.CreateCaseAsync(incident);
        using var response = await agent.PostJsonAsync("/v1/incidents", incident with { Priority = "p1" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);

        var kept = await agent.GetJsonAsync(CaseSteps.CasePath(incident.Id!));
        Assert.Equal(first.GetRawText(), kept.GetRawText());
    }

    [Fact]
    public async Task Create_IdempotencyKeyHeader_NamesTheCaseAndRepeatsIt()
    {
        using var agent = await Silo.AgentAsync();
        var key = NewId("idem");
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(3));

        async Task<HttpResponseMessage> PostAsync(IncidentRequest body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/incidents") { Content = ApiJson.Body(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await agent.SendAsync(request);
        }

        var first = await PostAsync(incident).ExpectAsync(HttpStatusCode.Created);
        var second = await PostAsync(incident).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(key, first.Str("id"));
        Assert.Equal(first.GetRawText(), second.GetRawText());

        using var clash = await PostAsync(incident with { Fault = "stuck" });
        await ProblemAssert.IsProblemAsync(clash, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_NoIdNoKey_OpensANewCaseEachTime()
    {
        using var agent = await Silo.AgentAsync();
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(3));
        var first = await agent.CreateCaseAsync(incident);
        var second = await agent.CreateCaseAsync(incident);
        Assert.NotEqual(first.Str("id"), second.Str("id"));
    }

    [Fact]
    public async Task Create_AutoDispatch_Returns201DispatchedToTheBest()
    {
        using var agent = await Silo.AgentAsync();
        var id = NewId("auto");
        var created = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(4), id) with { AutoDispatch = true });

        Assert.Equal("dispatched", created.Str("status"));
        var assignment = created.GetProperty("assignment");
        Assert.Equal(SitesNetwork.Van(4), assignment.Str("resourceId"));
        Assert.Equal(SitesNetwork.Center(4), assignment.Str("centerId"));
        Assert.Equal("onsite", assignment.Str("mode"));
        Assert.Equal(IncidentBodies.TireSku, assignment.Str("part"));
        // Dispatched in the request that opened it, so never escalated; but the call is more than 48 h old: overdue.
        Assert.Equal(["created", "dispatched", "overdue"], created.GetProperty("timeline").EnumerateArray().Select(t => t.Str("type")));

        await agent.AddEventAsync(id, "cancelled");
    }

    // docs/dispatch-semantics.md "Regions": a location in no region is outside the served area, answered 422.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_OutsideServedArea_Returns422ProblemAndNoCase(bool autoDispatch)
    {
        using var agent = await Silo.AgentAsync();
        var id = NewId("nowhere");
        using var response = await agent.PostJsonAsync("/v1/incidents", IncidentBodies.FlatTire(Places.Nowhere, id) with { AutoDispatch = autoDispatch });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        using var read = await agent.GetAsync(CaseSteps.CasePath(id));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Create_InvalidBody_Returns400WithEveryError()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.SendRawAsync(HttpMethod.Post, "/v1/incidents", """{"id":"","location":{"lat":95,"lon":10},"vehicle":{}}""");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var path in new[] { "id", "fault", "vehicle.powertrain", "priority" })
        {
            Assert.True(errors.TryGetProperty(path, out _), $"no error for {path}: {errors.GetRawText()}");
        }

        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("location", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_PlannerKey_Returns403Problem()
    {
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.PostJsonAsync("/v1/incidents", IncidentBodies.FlatTire(SitesNetwork.At(1)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IncidentEndpoints_NoKey_Return401Problem()
    {
        using var anonymous = Silo.Anonymous();
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(1));
        using (var create = await anonymous.PostJsonAsync("/v1/incidents", incident))
        {
            await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Unauthorized);
        }

        using (var list = await anonymous.GetAsync("/v1/incidents?status=open"))
        {
            await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Unauthorized);
        }

        using (var get = await anonymous.GetAsync(CaseSteps.CasePath("any")))
        {
            await ProblemAssert.IsProblemAsync(get, HttpStatusCode.Unauthorized);
        }

        using (var dispatch = await anonymous.PostJsonAsync(CaseSteps.DispatchPath("any"), new { }))
        {
            await ProblemAssert.IsProblemAsync(dispatch, HttpStatusCode.Unauthorized);
        }

        using var events = await anonymous.PostJsonAsync(CaseSteps.EventsPath("any"), new { type = "cancelled" });
        await ProblemAssert.IsProblemAsync(events, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.GetAsync(CaseSteps.CasePath(NewId("missing")));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_StatusOpen_ListsOpenCasesOnly()
    {
        using var agent = await Silo.AgentAsync();
        var open = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(5), NewId("list-open")));
        var dispatched = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(5), NewId("list-dispatched")));
        await agent.DispatchCaseAsync(dispatched.Str("id"));

        var openList = await agent.GetJsonAsync("/v1/incidents?status=open");
        var openItems = openList.GetProperty("items").EnumerateArray().ToList();
        Assert.All(openItems, c =>
        {
            ApiShapes.Case(c);
            Assert.Equal("open", c.Str("status"));
        });
        Assert.Contains(open.Str("id"), openItems.Select(c => c.Str("id")));
        Assert.DoesNotContain(dispatched.Str("id"), openItems.Select(c => c.Str("id")));

        var dispatchedList = await agent.GetJsonAsync("/v1/incidents?status=dispatched");
        Assert.Contains(dispatched.Str("id"), dispatchedList.GetProperty("items").EnumerateArray().Select(c => c.Str("id")));

        await agent.AddEventAsync(dispatched.Str("id"), "cancelled");
        await agent.AddEventAsync(open.Str("id"), "cancelled");
    }

    [Fact]
    public async Task List_UnknownStatus_Returns400Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.GetAsync("/v1/incidents?status=lost");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Dispatch_Default_ReservesBestUnitAndPart_RepeatReturnsSameAssignment()
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(6), NewId("dispatch")))).Str("id");
        var dispatched = await agent.DispatchCaseAsync(id);
        var assignment = dispatched.GetProperty("assignment");
        Assert.Equal(SitesNetwork.Van(6), assignment.Str("resourceId"));
        Assert.Equal(IncidentBodies.TireSku, assignment.Str("part"));
        Assert.Equal(0, assignment.GetProperty("etaMin").GetDouble(), 6);

        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(6));
        Assert.Equal("assigned", center.Unit(SitesNetwork.Van(6)).Str("status"));
        Assert.Equal((SitesNetwork.TiresOnHand, 1), center.StockOf(IncidentBodies.TireSku));

        // Read-your-writes: the next recommendation no longer offers the van.
        var next = await agent.PostJsonAsync("/v1/recommendations?excluded=all", IncidentBodies.FlatTire(SitesNetwork.At(6))).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(SitesNetwork.Van(6), ApiShapes.Options(next).Select(o => o.Str("resourceId")));
        Assert.Contains(next.GetProperty("excluded").EnumerateArray(), e => e.Str("resourceId") == SitesNetwork.Van(6) && e.Str("reason") == "not_available");

        var again = await agent.DispatchCaseAsync(id);
        var named = await agent.DispatchCaseAsync(id, SitesNetwork.Van(6), "onsite");
        Assert.Equal(assignment.GetRawText(), again.GetProperty("assignment").GetRawText());
        Assert.Equal(assignment.GetRawText(), named.GetProperty("assignment").GetRawText());
        Assert.Equal(dispatched.GetProperty("timeline").GetRawText(), again.GetProperty("timeline").GetRawText());
        Assert.Equal((SitesNetwork.TiresOnHand, 1), (await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(6))).StockOf(IncidentBodies.TireSku));

        using (var other = await agent.PostJsonAsync(CaseSteps.DispatchPath(id), new { resourceId = SitesNetwork.Flatbed(6) }))
        {
            await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Conflict);
        }

        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Dispatch_NamedUnitAndMode_DispatchesThatUnit()
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(8), NewId("named")))).Str("id");
        var dispatched = await agent.DispatchCaseAsync(id, SitesNetwork.Flatbed(8), "tow");
        var assignment = dispatched.GetProperty("assignment");
        Assert.Equal(SitesNetwork.Flatbed(8), assignment.Str("resourceId"));
        Assert.Equal("tow", assignment.Str("mode"));
        Assert.Equal(JsonValueKind.Null, assignment.GetProperty("part").ValueKind);
        Assert.Equal((SitesNetwork.TiresOnHand, 0), (await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(8))).StockOf(IncidentBodies.TireSku));
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Dispatch_NamedUnitBusy_Returns409WithFreshRecommendation()
    {
        using var agent = await Silo.AgentAsync();
        var first = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(7), NewId("busy-a")))).Str("id");
        await agent.DispatchCaseAsync(first, SitesNetwork.Van(7));
        var second = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(7), NewId("busy-b")))).Str("id");

        using var response = await agent.PostJsonAsync(CaseSteps.DispatchPath(second), new { resourceId = SitesNetwork.Van(7) });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var recommendation = problem.GetProperty("recommendation");
        ApiShapes.Recommendation(recommendation);
        Assert.Equal("recommended", recommendation.Str("status"));
        Assert.Equal(SitesNetwork.Flatbed(7), recommendation.GetProperty("recommendation").Str("resourceId"));
        Assert.DoesNotContain(SitesNetwork.Van(7), ApiShapes.Options(recommendation).Select(o => o.Str("resourceId")));

        var unchanged = await agent.GetJsonAsync(CaseSteps.CasePath(second));
        Assert.Equal("open", unchanged.Str("status"));
        await agent.AddEventAsync(first, "cancelled");
        await agent.AddEventAsync(second, "cancelled");
    }

    [Fact]
    public async Task Dispatch_NobodyMayServe_Returns422WithReasons()
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(9), NewId("lockout")) with { Fault = "lockout" })).Str("id");
        using var response = await agent.PostJsonAsync(CaseSteps.DispatchPath(id), new { });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("unassignable", problem.GetProperty("recommendation").Str("status"));
        Assert.Equal("open", (await agent.GetJsonAsync(CaseSteps.CasePath(id))).Str("status"));
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Dispatch_UnknownIncident_Returns404Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.PostJsonAsync(CaseSteps.DispatchPath(NewId("ghost")), new { });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dispatch_UnknownResource_Returns404Problem()
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(9), NewId("unknown-unit")))).Str("id");
        using var response = await agent.PostJsonAsync(CaseSteps.DispatchPath(id), new { resourceId = "r-nope" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Dispatch_UnknownMode_Returns400Problem()
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(9), NewId("fly")))).Str("id");
        using var response = await agent.PostJsonAsync(CaseSteps.DispatchPath(id), new { mode = "airlift" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _));
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task DispatchAndEvents_PlannerKey_Return403Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var planner = await Silo.PlannerAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(9), NewId("planner")))).Str("id");
        using (var dispatch = await planner.PostJsonAsync(CaseSteps.DispatchPath(id), new { }))
        {
            await ProblemAssert.IsProblemAsync(dispatch, HttpStatusCode.Forbidden);
        }

        using (var cancel = await planner.PostJsonAsync(CaseSteps.EventsPath(id), new { type = "cancelled" }))
        {
            await ProblemAssert.IsProblemAsync(cancel, HttpStatusCode.Forbidden);
        }

        // Planners may read cases.
        Assert.Equal("open", (await planner.GetJsonAsync(CaseSteps.CasePath(id))).Str("status"));
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Completed_ConsumesPartAndFreesUnitAtEventPosition()
    {
        using var agent = await Silo.AgentAsync();
        var scene = Places.North(SitesNetwork.At(10), 10);
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(scene, NewId("complete")))).Str("id");
        await agent.DispatchCaseAsync(id);
        var dropOff = Places.North(SitesNetwork.At(10), 25);
        var completed = await agent.CompleteAsync(id, dropOff);

        Assert.Equal(["created", "escalated", "escalated", "overdue", "dispatched", "enroute", "onscene", "completed"], completed.GetProperty("timeline").EnumerateArray().Select(t => t.Str("type")));
        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(10));
        Assert.Equal("available", center.Unit(SitesNetwork.Van(10)).Str("status"));
        Assert.Equal(dropOff, center.PositionOf(SitesNetwork.Van(10)));
        Assert.Equal((SitesNetwork.TiresOnHand - 1, 0), center.StockOf(IncidentBodies.TireSku));
        Assert.Equal("completed", (await agent.GetJsonAsync(CaseSteps.CasePath(id))).Str("status"));
    }

    [Fact]
    public async Task Completed_WithoutPosition_FreesUnitAtIncidentLocation()
    {
        using var agent = await Silo.AgentAsync();
        var scene = Places.North(SitesNetwork.At(14), 5);
        var id = (await agent.CreateCaseAsync(IncidentBodies.Stuck(scene, NewId("tow")))).Str("id");
        var dispatched = await agent.DispatchCaseAsync(id);
        var unit = dispatched.GetProperty("assignment").Str("resourceId");
        Assert.Equal("tow", dispatched.GetProperty("assignment").Str("mode"));

        await agent.AddEventAsync(id, "enroute");
        await agent.AddEventAsync(id, "onscene");
        await agent.AddEventAsync(id, "towing");
        await agent.AddEventAsync(id, "completed");

        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(14));
        Assert.Equal("available", center.Unit(unit).Str("status"));
        Assert.Equal(scene, center.PositionOf(unit));
    }

    [Fact]
    public async Task Cancelled_AfterDispatch_ReleasesUnitAndPart()
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(11), NewId("cancel")))).Str("id");
        await agent.DispatchCaseAsync(id);
        await agent.AddEventAsync(id, "enroute");
        var cancelled = await agent.AddEventAsync(id, "cancelled");
        Assert.Equal("cancelled", cancelled.Str("status"));

        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(11));
        Assert.Equal("available", center.Unit(SitesNetwork.Van(11)).Str("status"));
        Assert.Equal(SitesNetwork.At(11), center.PositionOf(SitesNetwork.Van(11)));
        Assert.Equal((SitesNetwork.TiresOnHand, 0), center.StockOf(IncidentBodies.TireSku));
    }

    [Theory]
    [InlineData("open", "enroute")]
    [InlineData("open", "onscene")]
    [InlineData("open", "completed")]
    [InlineData("enroute", "enroute")]
    [InlineData("onscene", "enroute")]
    [InlineData("enroute", "towing")]
    [InlineData("onscene", "towing")]
    [InlineData("completed", "cancelled")]
    [InlineData("completed", "enroute")]
    [InlineData("cancelled", "enroute")]
    public async Task Events_IllegalTransition_Returns409AndKeepsTheCase(string reached, string next)
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(12), NewId("illegal")))).Str("id");
        var path = reached switch
        {
            "open" => [],
            "dispatched" => ["dispatch"],
            "enroute" => ["dispatch", "enroute"],
            "onscene" => ["dispatch", "enroute", "onscene"],
            "completed" => ["dispatch", "enroute", "onscene", "completed"],
            "cancelled" => new[] { "cancelled" },
            _ => throw new ArgumentOutOfRangeException(nameof(reached)),
        };
        foreach (var step in path)
        {
            _ = step == "dispatch" ? await agent.DispatchCaseAsync(id) : await agent.AddEventAsync(id, step);
        }

        var before = await agent.GetJsonAsync(CaseSteps.CasePath(id));
        using var response = await agent.PostJsonAsync(CaseSteps.EventsPath(id), new { type = next });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(before.GetRawText(), (await agent.GetJsonAsync(CaseSteps.CasePath(id))).GetRawText());

        if (before.Str("status") is not ("completed" or "cancelled"))
        {
            await agent.AddEventAsync(id, "cancelled");
        }
    }

    [Fact]
    public async Task Events_UnknownIncident_Returns404Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.PostJsonAsync(CaseSteps.EventsPath(NewId("ghost")), new { type = "cancelled" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Events_UnknownType_Returns400Problem()
    {
        using var agent = await Silo.AgentAsync();
        var id = (await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(12), NewId("bad-event")))).Str("id");
        using var response = await agent.PostJsonAsync(CaseSteps.EventsPath(id), new { type = "exploded" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
        await agent.AddEventAsync(id, "cancelled");
    }
}
