using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary><c>POST /v1/recommendations</c> on <see cref="SitesNetwork"/>: site 0 has the one demand point.</summary>
public sealed class RecommendationEndpointTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private const int OtherUnits = (SitesNetwork.Count - 1) * 3;

    private SiloHarness Silo => fixture.Silo;

    private static IncidentRequest TenKmNorthOfSite0 => IncidentBodies.FlatTire(Places.North(SitesNetwork.At(0), 10));

    [Fact]
    public async Task Recommend_FlatTire_RanksVanFirstWithEveryScoreTerm()
    {
        using var agent = await Silo.AgentAsync();
        var answer = await agent.PostJsonAsync("/v1/recommendations", TenKmNorthOfSite0).ExpectAsync(HttpStatusCode.OK);

        ApiShapes.Recommendation(answer);
        Assert.Equal(NetworkBuilder.SouthRegion, answer.Str("region"));
        Assert.Equal("recommended", answer.Str("status"));
        var best = answer.GetProperty("recommendation");
        Assert.Equal(SitesNetwork.Van(0), best.Str("resourceId"));
        Assert.Equal("service_van", best.Str("resourceType"));
        Assert.Equal(SitesNetwork.Center(0), best.Str("centerId"));
        Assert.Equal("direct", best.Str("centerKind"));
        Assert.Equal("onsite", best.Str("mode"));
        Assert.Equal(IncidentBodies.TireSku, best.Str("part"));
        Assert.Equal(10, best.GetProperty("etaMin").GetDouble(), 6);
        var breakdown = best.GetProperty("breakdown");
        Assert.Equal(0, breakdown.GetProperty("modePenaltyMin").GetDouble());
        Assert.Equal(0, breakdown.GetProperty("crossRegionPenaltyMin").GetDouble());
        Assert.Equal(0, breakdown.GetProperty("partnerPenaltyMin").GetDouble());
        // The van alone covers the demand point (weight 5) in its class; p2 weighs coverage by 0.5.
        Assert.Equal(5, breakdown.GetProperty("coverageLoss").GetDouble(), 6);
        Assert.Equal(2.5, breakdown.GetProperty("coveragePenaltyMin").GetDouble(), 6);
        Assert.Equal(12.5, best.GetProperty("score").GetDouble(), 6);

        // Two tow units cover the point: no loss; tie on score and ETA goes to the smaller id.
        var alternatives = answer.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.Equal([SitesNetwork.Flatbed(0), SitesNetwork.WheelLift(0)], alternatives.Select(a => a.Str("resourceId")));
        Assert.All(alternatives, a =>
        {
            Assert.Equal("tow", a.Str("mode"));
            Assert.Equal(JsonValueKind.Null, a.GetProperty("part").ValueKind);
            Assert.Equal(40, a.GetProperty("score").GetDouble(), 6);
        });

        var excluded = answer.GetProperty("excluded").EnumerateArray().ToList();
        Assert.Equal(10, excluded.Count);
        Assert.All(excluded, e => Assert.Equal("outside_service_radius", e.Str("reason")));
    }

    [Theory]
    [InlineData("options=1&excluded=0", 0, 0)]
    [InlineData("options=all&excluded=all", 2, OtherUnits)]
    [InlineData("options=2&excluded=3&policy=closest", 1, 3)]
    [InlineData("options=100001", 2, 10)]
    public async Task Recommend_Counts_CutAlternativesAndExcluded(string query, int alternatives, int excluded)
    {
        using var agent = await Silo.AgentAsync();
        var answer = await agent.PostJsonAsync("/v1/recommendations?" + query, TenKmNorthOfSite0).ExpectAsync(HttpStatusCode.OK);
        ApiShapes.Recommendation(answer);
        Assert.Equal(alternatives, answer.GetProperty("alternatives").GetArrayLength());
        Assert.Equal(excluded, answer.GetProperty("excluded").GetArrayLength());
    }

    [Fact]
    public async Task Recommend_FaultNobodyServes_IsUnassignableWithReasons()
    {
        using var agent = await Silo.AgentAsync();
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(1)) with { Fault = "lockout" };
        var answer = await agent.PostJsonAsync("/v1/recommendations?excluded=all", incident).ExpectAsync(HttpStatusCode.OK);

        ApiShapes.Recommendation(answer);
        Assert.Equal("unassignable", answer.Str("status"));
        Assert.Empty(answer.GetProperty("alternatives").EnumerateArray());
        var reasons = answer.GetProperty("excluded").EnumerateArray().ToList();
        Assert.Equal(SitesNetwork.Count * 3, reasons.Count);
        Assert.All(reasons, e => Assert.Equal("cannot_serve_fault", e.Str("reason")));
    }

    [Fact]
    public async Task Recommend_Twice_CreatesNothingAndHoldsNothing()
    {
        using var agent = await Silo.AgentAsync();
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(2));
        var first = await agent.PostJsonAsync("/v1/recommendations", incident).ExpectAsync(HttpStatusCode.OK);
        var second = await agent.PostJsonAsync("/v1/recommendations", incident).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("recommendation").GetRawText(), second.GetProperty("recommendation").GetRawText());
        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(2));
        Assert.All(center.GetProperty("resources").EnumerateArray(), r => Assert.Equal("available", r.Str("status")));
        Assert.Equal(0, center.GetProperty("stock").GetProperty(IncidentBodies.TireSku).GetProperty("reserved").GetInt32());
        var cases = await agent.GetJsonAsync("/v1/incidents");
        Assert.Empty(cases.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Recommend_OutsideServedArea_Returns422Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.PostJsonAsync("/v1/recommendations", IncidentBodies.FlatTire(Places.Nowhere));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("options=0")]
    [InlineData("options=-1")]
    [InlineData("options=five")]
    [InlineData("excluded=-2")]
    [InlineData("excluded=1.5")]
    [InlineData("policy=fastest")]
    public async Task Recommend_BadQuery_Returns400NamingTheParameter(string query)
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.PostJsonAsync("/v1/recommendations?" + query, TenKmNorthOfSite0);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(query.Split('=')[0], out _), problem.GetRawText());
    }

    [Fact]
    public async Task Recommend_InvalidIncident_Returns400WithEveryError()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.SendRawAsync(HttpMethod.Post, "/v1/recommendations", """{"vehicle":{"powertrain":"diesel"},"priority":"p7"}""");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var path in new[] { "location", "fault", "vehicle.powertrain", "priority" })
        {
            Assert.True(errors.TryGetProperty(path, out _), $"no error for {path}: {errors.GetRawText()}");
        }
    }

    [Fact]
    public async Task Recommend_PlannerKey_Returns403Problem()
    {
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.PostJsonAsync("/v1/recommendations", TenKmNorthOfSite0);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Recommend_AdminKey_Returns200()
    {
        using var admin = Silo.Admin();
        await admin.PostJsonAsync("/v1/recommendations", TenKmNorthOfSite0).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Recommend_NoKey_Returns401Problem()
    {
        using var anonymous = Silo.Anonymous();
        using var response = await anonymous.PostJsonAsync("/v1/recommendations", TenKmNorthOfSite0);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Recommend_UnknownKey_Returns401Problem()
    {
        using var stranger = Silo.WithKey("not-a-key-" + Guid.NewGuid().ToString("N"));
        using var response = await stranger.PostJsonAsync("/v1/recommendations", TenKmNorthOfSite0);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
