using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary>docs/waiting-and-reassign.md through HTTP: the waiting queue and <c>?waiting=</c>, and
/// <c>POST /v1/incidents/{id}/reassign</c> with its answers and its races. Each test works at its own sites.</summary>
public sealed class WaitingAndReassignTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private const string Reason = "turned_back_by_local_rule";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private SiloHarness Silo => fixture.Silo;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static string ReassignPath(string id) => CaseSteps.CasePath(id) + "/reassign";

    private async Task SetStatusAsync(string resourceId, string status)
    {
        using var admin = Silo.Admin();
        await admin.PutJsonAsync($"/v1/resources/{resourceId}/status", new { status }).ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> PollCaseAsync(HttpClient agent, string id, Func<JsonElement, bool> done)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var view = await agent.GetJsonAsync(CaseSteps.CasePath(id));
            if (done(view))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < until, $"case {id} did not get there: {view.GetRawText()}");
            await Task.Delay(50);
        }
    }

    private static IEnumerable<string> Ids(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(c => c.Str("id"));

    // The calls are reported long ago, so the clock adds escalated and overdue entries (EscalationTests cover those);
    // these tests look at the steps the queue and reassignment make.
    private static List<JsonElement> Steps(JsonElement @case) =>
        [.. @case.GetProperty("timeline").EnumerateArray().Where(t => t.Str("type") is not ("escalated" or "overdue"))];

    private static List<string> Types(JsonElement @case) => [.. Steps(@case).Select(t => t.Str("type"))];

    /// <summary>Each unit of the sites held by at most one active case, every held unit assigned at its center, and each
    /// center's reserved tyres equal to the tyres its active cases hold.</summary>
    private static async Task AssertNoDoubleBookingAsync(HttpClient agent, IEnumerable<int> sites, IEnumerable<string> caseIds)
    {
        var cases = await Task.WhenAll(caseIds.Select(id => agent.GetJsonAsync(CaseSteps.CasePath(id))));
        var active = cases.Where(c => c.Str("status") is not ("completed" or "cancelled") && c.GetProperty("assignment").ValueKind == JsonValueKind.Object)
            .Select(c => c.GetProperty("assignment")).ToList();
        Assert.All(active.GroupBy(a => a.Str("resourceId")), g => Assert.Single(g));
        foreach (var site in sites)
        {
            var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(site));
            var here = active.Where(a => a.Str("centerId") == SitesNetwork.Center(site)).ToList();
            Assert.All(here, a => Assert.Equal("assigned", center.Unit(a.Str("resourceId")).Str("status")));
            Assert.Equal(here.Count, center.GetProperty("resources").EnumerateArray().Count(r => r.Str("status") == "assigned"));
            Assert.Equal(here.Count(a => a.GetProperty("part").ValueKind == JsonValueKind.String), center.StockOf(IncidentBodies.TireSku).Reserved);
        }
    }

    [Fact]
    public async Task Create_AutoDispatchNoUnit_WaitsListedAsWaitingThenDispatchedWhenAUnitIsBack()
    {
        using var agent = await Silo.AgentAsync();
        const int site = 1;
        await SetStatusAsync(SitesNetwork.Flatbed(site), "offline");
        await SetStatusAsync(SitesNetwork.WheelLift(site), "offline");
        var id = NewId("wait");

        var created = await agent.CreateCaseAsync(IncidentBodies.Stuck(SitesNetwork.At(site), id) with { AutoDispatch = true });

        Assert.Equal("open", created.Str("status"));
        Assert.True(created.GetProperty("waiting").GetBoolean());
        Assert.Equal(["created", "waiting"], Types(created));
        Assert.Contains("not_available", Steps(created)[1].Str("detail"));
        ApiShapes.Recommendation(created.GetProperty("recommendation"));
        Assert.Contains(id, Ids(await agent.GetJsonAsync("/v1/incidents?status=open&waiting=true")));
        Assert.DoesNotContain(id, Ids(await agent.GetJsonAsync("/v1/incidents?status=open&waiting=false")));

        await SetStatusAsync(SitesNetwork.WheelLift(site), "available");

        var dispatched = await PollCaseAsync(agent, id, c => c.Str("status") == "dispatched");
        ApiShapes.Case(dispatched);
        Assert.False(dispatched.GetProperty("waiting").GetBoolean());
        Assert.Equal(SitesNetwork.WheelLift(site), dispatched.GetProperty("assignment").Str("resourceId"));
        Assert.Equal(["created", "waiting", "dispatched"], Types(dispatched));
        Assert.Equal("from_queue", Steps(dispatched)[2].Str("detail"));
        Assert.DoesNotContain(id, Ids(await agent.GetJsonAsync("/v1/incidents?status=open&waiting=true")));
    }

    [Fact]
    public async Task List_WaitingNotABoolean_Returns400Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.GetAsync("/v1/incidents?waiting=maybe");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reassign_AnotherUnitFree_200HoldsTheNewUnitTimelineKeepsBoth()
    {
        using var agent = await Silo.AgentAsync();
        const int site = 2;
        var id = NewId("reassign");
        var created = await agent.CreateCaseAsync(IncidentBodies.Stuck(SitesNetwork.At(site), id) with { AutoDispatch = true });
        var first = created.GetProperty("assignment").Str("resourceId");
        await agent.AddEventAsync(id, "enroute");

        var reassigned = await agent.PostJsonAsync(ReassignPath(id), new { reason = Reason }).ExpectAsync(HttpStatusCode.OK);

        ApiShapes.Case(reassigned);
        var second = reassigned.GetProperty("assignment").Str("resourceId");
        Assert.NotEqual(first, second);
        Assert.Contains(second, new[] { SitesNetwork.Flatbed(site), SitesNetwork.WheelLift(site) });
        Assert.Equal("dispatched", reassigned.Str("status"));
        Assert.Equal(["created", "dispatched", "enroute", "reassigned", "dispatched"], Types(reassigned));
        var entry = Steps(reassigned)[3];
        Assert.Equal(first, entry.Str("resourceId"));
        Assert.Equal(Reason, entry.Str("detail"));
        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(site));
        Assert.Equal("available", center.Unit(first).Str("status"));
        await AssertNoDoubleBookingAsync(agent, [site], [id]);
    }

    [Fact]
    public async Task Reassign_NoOtherUnit_409WithFreshRecommendationAndKeepsTheUnit()
    {
        using var agent = await Silo.AgentAsync();
        const int site = 3;
        await SetStatusAsync(SitesNetwork.WheelLift(site), "offline");
        var id = NewId("keep");
        var created = await agent.CreateCaseAsync(IncidentBodies.Stuck(SitesNetwork.At(site), id) with { AutoDispatch = true });

        using var response = await agent.PostJsonAsync(ReassignPath(id), new { reason = Reason });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var recommendation = problem.GetProperty("recommendation");
        ApiShapes.Recommendation(recommendation);
        Assert.Equal("unassignable", recommendation.Str("status"));
        var kept = await agent.GetJsonAsync(CaseSteps.CasePath(id));
        Assert.Equal(created.GetProperty("assignment").GetRawText(), kept.GetProperty("assignment").GetRawText());
        Assert.Equal(["created", "dispatched"], Types(kept));
        await AssertNoDoubleBookingAsync(agent, [site], [id]);
    }

    [Fact]
    public async Task Reassign_NamedUnit_200WithThatUnit()
    {
        using var agent = await Silo.AgentAsync();
        const int site = 5;
        var id = NewId("named");
        var created = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(site), id) with { AutoDispatch = true });
        Assert.Equal(SitesNetwork.Van(site), created.GetProperty("assignment").Str("resourceId"));

        var reassigned = await agent.PostJsonAsync(ReassignPath(id), new { resourceId = SitesNetwork.Flatbed(site), mode = "tow", reason = "van_broke_down" })
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(SitesNetwork.Flatbed(site), reassigned.GetProperty("assignment").Str("resourceId"));
        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(site));
        Assert.Equal((SitesNetwork.TiresOnHand, 0), center.StockOf(IncidentBodies.TireSku));
        await AssertNoDoubleBookingAsync(agent, [site], [id]);
    }

    [Fact]
    public async Task Reassign_BadRequests_400Then404Then409()
    {
        using var agent = await Silo.AgentAsync();
        const int site = 6;
        var id = NewId("bad");
        await agent.CreateCaseAsync(IncidentBodies.Stuck(SitesNetwork.At(site), id));

        using (var noReason = await agent.PostJsonAsync(ReassignPath(id), new { resourceId = SitesNetwork.Flatbed(site) }))
        {
            var problem = await ProblemAssert.IsProblemAsync(noReason, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        }

        using (var badMode = await agent.PostJsonAsync(ReassignPath(id), new { mode = "fly", reason = Reason }))
        {
            await ProblemAssert.IsProblemAsync(badMode, HttpStatusCode.BadRequest);
        }

        using (var unknown = await agent.PostJsonAsync(ReassignPath(NewId("nobody")), new { reason = Reason }))
        {
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        // Open: nothing to release (dispatch it instead).
        using (var open = await agent.PostJsonAsync(ReassignPath(id), new { reason = Reason }))
        {
            await ProblemAssert.IsProblemAsync(open, HttpStatusCode.Conflict);
        }

        // Towing: the vehicle is on the hook.
        await agent.DispatchCaseAsync(id);
        foreach (var step in new[] { "enroute", "onscene", "towing" })
        {
            await agent.AddEventAsync(id, step);
        }

        using (var towing = await agent.PostJsonAsync(ReassignPath(id), new { reason = Reason }))
        {
            await ProblemAssert.IsProblemAsync(towing, HttpStatusCode.Conflict);
        }

        var unchanged = await agent.GetJsonAsync(CaseSteps.CasePath(id));
        Assert.DoesNotContain("reassigned", Types(unchanged));
    }

    [Fact]
    public async Task Reassign_RacingADispatchForTheSameFreeUnit_NeverDoubleBooks()
    {
        using var agent = await Silo.AgentAsync();
        int[] sites = [10, 11, 12, 13];
        var ids = new List<string>();
        foreach (var site in sites)
        {
            // One tow unit free besides the one the first case holds; a second case wants it at the same moment.
            var holder = NewId("holder");
            await agent.CreateCaseAsync(IncidentBodies.Stuck(SitesNetwork.At(site), holder) with { AutoDispatch = true });
            var rival = NewId("rival");
            ids.AddRange([holder, rival]);

            var reassign = agent.PostJsonAsync(ReassignPath(holder), new { reason = Reason });
            var create = agent.PostJsonAsync("/v1/incidents", IncidentBodies.Stuck(SitesNetwork.At(site), rival) with { AutoDispatch = true });
            using var reassigned = await reassign;
            using var created = await create;

            Assert.Contains(reassigned.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Whatever the order, the queue settles: wait until no case of these sites is both waiting and servable.
        foreach (var id in ids)
        {
            await PollCaseAsync(agent, id, c => !c.GetProperty("waiting").GetBoolean() || c.Str("status") == "open");
        }

        await AssertNoDoubleBookingAsync(agent, sites, ids);
    }

    [Fact]
    public async Task Reassign_TwoConcurrentReassignsOfTheSameCenter_NeverDoubleBook()
    {
        using var agent = await Silo.AgentAsync();
        int[] sites = [14, 15, 16];
        var ids = new List<string>();
        foreach (var site in sites)
        {
            // A flat tyre on the van and a stuck car on a tow unit; one tow unit free. Both are reassigned at once.
            var tyre = NewId("tyre");
            var stuck = NewId("stuck");
            await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(site), tyre) with { AutoDispatch = true });
            await agent.CreateCaseAsync(IncidentBodies.Stuck(SitesNetwork.At(site), stuck) with { AutoDispatch = true });
            ids.AddRange([tyre, stuck]);

            var answers = await Task.WhenAll(
                agent.PostJsonAsync(ReassignPath(tyre), new { reason = Reason }),
                agent.PostJsonAsync(ReassignPath(stuck), new { reason = Reason }));
            Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }

        await AssertNoDoubleBookingAsync(agent, sites, ids);
    }
}
