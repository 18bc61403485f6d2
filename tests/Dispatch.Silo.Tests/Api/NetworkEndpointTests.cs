using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// <c>GET</c> and <c>PUT /v1/network</c>. Every PUT here starts from the live document, so open incidents of
/// one test never make another test's PUT a conflict.
/// </summary>
public sealed class NetworkEndpointTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private SiloHarness Silo => fixture.Silo;

    [Theory]
    [InlineData("agent")]
    [InlineData("planner")]
    [InlineData("admin")]
    public async Task Get_AnyRole_ReturnsTheDocument(string role)
    {
        using var client = role == "admin" ? Silo.Admin() : await Silo.RoleAsync(role);
        var document = await client.GetJsonAsync("/v1/network");

        var parameters = document.GetProperty("parameters");
        Assert.Equal("Asia/Shanghai", parameters.Str("timeZone"));
        Assert.Equal(60, parameters.GetProperty("resourceTypes").GetProperty("flatbed").GetProperty("speedKmh").GetDouble());
        Assert.Equal(2, parameters.GetProperty("faults").GetProperty("flat_tire").GetArrayLength());
        Assert.Equal([NetworkBuilder.SouthRegion, NetworkBuilder.NorthRegion], document.GetProperty("regions").EnumerateArray().Select(r => r.Str("code")));
        Assert.Equal(JsonValueKind.Object, document.GetProperty("regions")[0].GetProperty("geometry").ValueKind);
        Assert.Equal(SitesNetwork.Count, document.GetProperty("centers").GetArrayLength());
        Assert.Single(document.GetProperty("demandPoints").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, document.GetProperty("rules").ValueKind);

        var center = document.GetProperty("centers").EnumerateArray().Single(c => c.Str("id") == SitesNetwork.Center(15));
        Assert.Equal(3, center.GetProperty("resources").GetArrayLength());
        Assert.Equal(SitesNetwork.BatteriesOnHand, center.GetProperty("stock").GetProperty("BATT-12V").GetProperty("onHand").GetInt32());
        Assert.Equal(0, center.GetProperty("stock").GetProperty("BATT-12V").GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Get_NoKey_Returns401Problem()
    {
        using var anonymous = Silo.Anonymous();
        using var response = await anonymous.GetAsync("/v1/network");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("planner")]
    [InlineData(null)]
    public async Task Put_NotAdmin_IsRefusedAndChangesNothing(string? role)
    {
        using var admin = Silo.Admin();
        var before = await admin.GetTextAsync("/v1/network");
        using var client = role is null ? Silo.Anonymous() : await Silo.RoleAsync(role);
        using var response = await client.SendRawAsync(HttpMethod.Put, "/v1/network", before);
        await ProblemAssert.IsProblemAsync(response, role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
        Assert.Equal(before, await admin.GetTextAsync("/v1/network"));
    }

    [Fact]
    public async Task Put_ChangedDocument_IsAcceptedAndServed()
    {
        using var admin = Silo.Admin();
        var document = ApiJson.Node(await admin.GetTextAsync("/v1/network"));
        var center = CenterNode(document, SitesNetwork.Center(16));
        center["name"] = "Renamed center";
        center["resources"]!.AsArray().Add(new JsonObject { ["id"] = "r-16-extra", ["type"] = "flatbed", ["status"] = "offline" });

        var accepted = await admin.SendRawAsync(HttpMethod.Put, "/v1/network", document.ToJsonString()).ExpectAsync(HttpStatusCode.OK);
        Assert.True(accepted.GetProperty("version").GetInt64() > 0);
        Assert.Equal(SitesNetwork.Count, accepted.GetProperty("centers").GetInt32());
        Assert.Equal((SitesNetwork.Count * 3) + 1, accepted.GetProperty("resources").GetInt32());
        Assert.Equal(1, accepted.GetProperty("demandPoints").GetInt32());
        Assert.Equal(0, accepted.GetProperty("rules").GetInt32());

        var served = await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(16));
        Assert.Equal("Renamed center", served.Str("name"));
        Assert.Equal("offline", served.Unit("r-16-extra").Str("status"));
    }

    [Fact]
    public async Task Put_RoundTripWithOpenIncident_IsAcceptedAndChangesNothing()
    {
        using var admin = Silo.Admin();
        using var agent = await Silo.AgentAsync();
        var id = $"roundtrip-{Guid.NewGuid():N}";
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(17), id));
        await agent.DispatchCaseAsync(id);
        var before = await admin.GetTextAsync("/v1/network");
        Assert.Contains("\"assigned\"", before, StringComparison.Ordinal);

        await admin.SendRawAsync(HttpMethod.Put, "/v1/network", before).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(before, await admin.GetTextAsync("/v1/network"));
        var center = await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(17));
        Assert.Equal("assigned", center.Unit(SitesNetwork.Van(17)).Str("status"));
        Assert.Equal((SitesNetwork.TiresOnHand, 1), center.StockOf(IncidentBodies.TireSku));

        // The hold survived the PUT: completing consumes the part and frees the van.
        await agent.CompleteAsync(id);
        var after = await admin.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(17));
        Assert.Equal("available", after.Unit(SitesNetwork.Van(17)).Str("status"));
        Assert.Equal((SitesNetwork.TiresOnHand - 1, 0), after.StockOf(IncidentBodies.TireSku));
    }

    public static TheoryData<string> HeldUnitEdits => new() { "remove-unit", "remove-center", "unit-available", "reserved-below-held" };

    [Theory]
    [MemberData(nameof(HeldUnitEdits))]
    public async Task Put_ContradictingAnOpenIncident_Returns409AndChangesNothing(string edit)
    {
        using var admin = Silo.Admin();
        using var agent = await Silo.AgentAsync();
        var id = $"held-{Guid.NewGuid():N}";
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(18), id));
        await agent.DispatchCaseAsync(id, SitesNetwork.Van(18));
        var before = await admin.GetTextAsync("/v1/network");

        var document = ApiJson.Node(before);
        var center = CenterNode(document, SitesNetwork.Center(18));
        var resources = center["resources"]!.AsArray();
        var van = resources.Single(r => (string?)r!["id"] == SitesNetwork.Van(18))!;
        switch (edit)
        {
            case "remove-unit":
                resources.Remove(van);
                break;
            case "remove-center":
                document["centers"]!.AsArray().Remove(center);
                break;
            case "unit-available":
                van["status"] = "available";
                break;
            default:
                center["stock"]![IncidentBodies.TireSku]!["reserved"] = 0;
                break;
        }

        using var response = await admin.SendRawAsync(HttpMethod.Put, "/v1/network", document.ToJsonString());
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(before, await admin.GetTextAsync("/v1/network"));
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Put_InvalidDocument_Returns400WithEveryErrorByPathAndChangesNothing()
    {
        using var admin = Silo.Admin();
        var before = await admin.GetTextAsync("/v1/network");
        var document = ApiJson.Node(before);
        document["centers"]![0]!["location"]!["lat"] = 95;
        document["parameters"]!["resourceTypes"]!["flatbed"]!["speedKmh"] = -5;
        document["centers"]![1]!["resources"]![0]!["id"] = (string?)document["centers"]![0]!["resources"]![0]!["id"];

        using var response = await admin.SendRawAsync(HttpMethod.Put, "/v1/network", document.ToJsonString());
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var paths = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(paths, p => p.StartsWith("centers[0].location", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.Contains("flatbed", StringComparison.Ordinal) && p.EndsWith("speedKmh", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("centers[1].resources[0]", StringComparison.Ordinal));
        Assert.Equal(before, await admin.GetTextAsync("/v1/network"));
    }

    [Fact]
    public async Task Put_BodyOver16MB_Returns413AndChangesNothing()
    {
        using var admin = Silo.Admin();
        var before = await admin.GetTextAsync("/v1/network");
        var huge = new StringBuilder("{\"parameters\":{\"timeZone\":\"").Append('x', 17 * 1024 * 1024).Append("\"}}").ToString();
        using var response = await admin.SendRawAsync(HttpMethod.Put, "/v1/network", huge);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await admin.GetTextAsync("/v1/network"));
    }

    private static JsonNode CenterNode(JsonNode document, string id) =>
        document["centers"]!.AsArray().Single(c => (string?)c!["id"] == id)!;
}
