using System.Net;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary><c>GET /v1/centers/{id}</c>, <c>POST /v1/centers/{id}/stock</c> and <c>PUT /v1/resources/{id}/position|status</c>.</summary>
public sealed class CenterAndResourceEndpointTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private SiloHarness Silo => fixture.Silo;

    [Fact]
    public async Task GetCenter_AnyRole_ReturnsCenterWithUnitsAndStock()
    {
        using var planner = await Silo.PlannerAsync();
        var center = await planner.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(1));
        Assert.Equal(SitesNetwork.Center(1), center.Str("id"));
        Assert.Equal("direct", center.Str("kind"));
        Assert.Equal(50, center.GetProperty("serviceRadiusKm").GetDouble());
        Assert.Equal(SitesNetwork.At(1), new GeoPoint(center.GetProperty("location").GetProperty("lat").GetDouble(), center.GetProperty("location").GetProperty("lon").GetDouble()));
        Assert.Equal([SitesNetwork.Flatbed(1), SitesNetwork.WheelLift(1), SitesNetwork.Van(1)], center.GetProperty("resources").EnumerateArray().Select(r => r.Str("id")));
        Assert.Equal((SitesNetwork.TiresOnHand, 0), center.StockOf(IncidentBodies.TireSku));
    }

    [Fact]
    public async Task GetCenter_Unknown_Returns404Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.GetAsync("/v1/centers/c-nowhere");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetCenter_NoKey_Returns401Problem()
    {
        using var anonymous = Silo.Anonymous();
        using var response = await anonymous.GetAsync("/v1/centers/" + SitesNetwork.Center(1));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Stock_InAndOut_ChangesOnHand()
    {
        using var admin = Silo.Admin();
        var path = $"/v1/centers/{SitesNetwork.Center(2)}/stock";
        var added = await admin.PostJsonAsync(path, new { sku = "TIRE-NEW/1", delta = 4, reason = "delivery" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(SitesNetwork.Center(2), added.Str("centerId"));
        Assert.Equal("TIRE-NEW/1", added.Str("sku"));
        Assert.Equal(4, added.GetProperty("onHand").GetInt32());
        Assert.Equal(0, added.GetProperty("reserved").GetInt32());

        var taken = await admin.PostJsonAsync(path, new { sku = "TIRE-NEW/1", delta = -1 }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, taken.GetProperty("onHand").GetInt32());
        Assert.Equal((3, 0), (await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(2))).StockOf("TIRE-NEW/1"));
    }

    [Fact]
    public async Task Stock_BelowReserved_Returns409AndKeepsStock()
    {
        using var admin = Silo.Admin();
        using var agent = await Silo.AgentAsync();
        var id = $"stock-{Guid.NewGuid():N}";
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(3), id));
        await agent.DispatchCaseAsync(id, SitesNetwork.Van(3));

        using var response = await admin.PostJsonAsync($"/v1/centers/{SitesNetwork.Center(3)}/stock", new { sku = IncidentBodies.TireSku, delta = -SitesNetwork.TiresOnHand });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal((SitesNetwork.TiresOnHand, 1), (await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(3))).StockOf(IncidentBodies.TireSku));

        // Down to exactly what is reserved is allowed.
        await admin.PostJsonAsync($"/v1/centers/{SitesNetwork.Center(3)}/stock", new { sku = IncidentBodies.TireSku, delta = 1 - SitesNetwork.TiresOnHand }).ExpectAsync(HttpStatusCode.OK);
        await agent.AddEventAsync(id, "cancelled");
        Assert.Equal((1, 0), (await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(3))).StockOf(IncidentBodies.TireSku));
    }

    [Fact]
    public async Task Stock_UnknownCenter_Returns404Problem()
    {
        using var admin = Silo.Admin();
        using var response = await admin.PostJsonAsync("/v1/centers/c-nowhere/stock", new { sku = "X", delta = 1 });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stock_InvalidChange_Returns400WithErrors()
    {
        using var admin = Silo.Admin();
        using var response = await admin.PostJsonAsync($"/v1/centers/{SitesNetwork.Center(2)}/stock", new { sku = "", delta = 0 });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("sku", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("delta", out _));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("planner")]
    [InlineData(null)]
    public async Task AdminWrites_OtherRolesOrNoKey_AreRefused(string? role)
    {
        using var client = role is null ? Silo.Anonymous() : await Silo.RoleAsync(role);
        var expected = role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        using (var stock = await client.PostJsonAsync($"/v1/centers/{SitesNetwork.Center(4)}/stock", new { sku = IncidentBodies.TireSku, delta = 1 }))
        {
            await ProblemAssert.IsProblemAsync(stock, expected);
        }

        using (var position = await client.PutJsonAsync($"/v1/resources/{SitesNetwork.Flatbed(4)}/position", new { lat = 21.5, lon = 105.0 }))
        {
            await ProblemAssert.IsProblemAsync(position, expected);
        }

        using (var status = await client.PutJsonAsync($"/v1/resources/{SitesNetwork.Flatbed(4)}/status", new { status = "offline" }))
        {
            await ProblemAssert.IsProblemAsync(status, expected);
        }

        using var admin = Silo.Admin();
        var center = await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(4));
        Assert.Equal((SitesNetwork.TiresOnHand, 0), center.StockOf(IncidentBodies.TireSku));
        Assert.Equal(SitesNetwork.At(4), center.PositionOf(SitesNetwork.Flatbed(4)));
        Assert.Equal("available", center.Unit(SitesNetwork.Flatbed(4)).Str("status"));
    }

    [Fact]
    public async Task Position_Moved_IsWhereEtasStartFrom()
    {
        using var admin = Silo.Admin();
        using var agent = await Silo.AgentAsync();
        var moved = Places.North(SitesNetwork.At(5), 30);
        var answer = await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(5)}/position", new { lat = moved.Lat, lon = moved.Lon }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(SitesNetwork.Van(5), answer.Str("id"));
        Assert.Equal("service_van", answer.Str("type"));
        Assert.Equal("available", answer.Str("status"));
        Assert.Equal(moved.Lat, answer.GetProperty("position").GetProperty("lat").GetDouble());

        Assert.Equal(moved, (await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(5))).PositionOf(SitesNetwork.Van(5)));
        var recommendation = await agent.PostJsonAsync("/v1/recommendations?options=all", IncidentBodies.FlatTire(SitesNetwork.At(5))).ExpectAsync(HttpStatusCode.OK);
        var van = ApiShapes.Options(recommendation).Single(o => o.Str("resourceId") == SitesNetwork.Van(5));
        Assert.Equal(30, van.GetProperty("etaMin").GetDouble(), 6);
    }

    [Theory]
    [InlineData("""{"lat":91,"lon":100}""", "lat")]
    [InlineData("""{"lat":20,"lon":-180.5}""", "lon")]
    [InlineData("""{"lon":100}""", "lat")]
    [InlineData("""{}""", "lon")]
    public async Task Position_Invalid_Returns400NamingTheField(string body, string field)
    {
        using var admin = Silo.Admin();
        using var response = await admin.SendRawAsync(HttpMethod.Put, $"/v1/resources/{SitesNetwork.Flatbed(6)}/position", body);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task PositionAndStatus_UnknownResource_Return404Problem()
    {
        using var admin = Silo.Admin();
        using (var position = await admin.PutJsonAsync("/v1/resources/r-nope/position", new { lat = 21.0, lon = 101.0 }))
        {
            await ProblemAssert.IsProblemAsync(position, HttpStatusCode.NotFound);
        }

        using var status = await admin.PutJsonAsync("/v1/resources/r-nope/status", new { status = "offline" });
        await ProblemAssert.IsProblemAsync(status, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_OfflineThenAvailable_TakesUnitOutOfAndBackIntoService()
    {
        using var admin = Silo.Admin();
        using var agent = await Silo.AgentAsync();
        var incident = IncidentBodies.FlatTire(SitesNetwork.At(7));
        var offline = await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(7)}/status", new { status = "offline" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("offline", offline.Str("status"));

        var without = await agent.PostJsonAsync("/v1/recommendations", incident).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(SitesNetwork.Flatbed(7), without.GetProperty("recommendation").Str("resourceId"));
        Assert.Contains(without.GetProperty("excluded").EnumerateArray(), e => e.Str("resourceId") == SitesNetwork.Van(7) && e.Str("reason") == "not_available");

        await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(7)}/status", new { status = "available" }).ExpectAsync(HttpStatusCode.OK);
        var with = await agent.PostJsonAsync("/v1/recommendations", incident).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(SitesNetwork.Van(7), with.GetProperty("recommendation").Str("resourceId"));
    }

    [Fact]
    public async Task Status_WhileAssigned_Returns409AndStaysAssigned()
    {
        using var admin = Silo.Admin();
        using var agent = await Silo.AgentAsync();
        var id = $"assigned-{Guid.NewGuid():N}";
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(8), id));
        await agent.DispatchCaseAsync(id, SitesNetwork.Van(8));

        foreach (var status in new[] { "offline", "available" })
        {
            using var response = await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(8)}/status", new { status });
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        }

        Assert.Equal("assigned", (await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(8))).Unit(SitesNetwork.Van(8)).Str("status"));
        await agent.AddEventAsync(id, "cancelled");
    }

    [Theory]
    [InlineData("""{"status":"assigned"}""")]
    [InlineData("""{"status":"broken"}""")]
    [InlineData("""{}""")]
    public async Task Status_NotAvailableOrOffline_Returns400Problem(string body)
    {
        using var admin = Silo.Admin();
        using var response = await admin.SendRawAsync(HttpMethod.Put, $"/v1/resources/{SitesNetwork.Flatbed(9)}/status", body);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }
}
