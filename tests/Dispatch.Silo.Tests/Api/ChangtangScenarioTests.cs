using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// The demo network's protected high plateau: an EREV with a flat tyre inside the <c>changtang-reserve</c> zone
/// gets a partner operator, and the carmaker's own tow units are excluded by the rule.
/// </summary>
[Collection(DemoSiloFixture.Collection)]
public sealed class ChangtangScenarioTests(DemoSiloFixture fixture)
{
    private const string Rule = "changtang-reserve";
    private static readonly string[] RuleTypes = ["flatbed", "wheel_lift", "heavy_wrecker", "recovery_4x4"];

    private SiloHarness Silo => fixture.Silo;

    private static IncidentRequest FlatTyreOnThePlateau(string? id = null) => new()
    {
        Id = id,
        Location = new GeoPoint(33.5, 86.0),
        ReportedAt = IncidentBodies.ReportedAt,
        Fault = "flat_tire",
        Vehicle = new VehicleDocument { Model = "Horizon EREV", Powertrain = "erev", TireSpec = "265/45R21" },
        Priority = "p2",
    };

    [Fact]
    public async Task Recommend_ErevFlatTyreInTheReserve_PartnerRecommendedOwnTowUnitsExcluded()
    {
        using var agent = await Silo.AgentAsync();
        var network = await agent.GetJsonAsync("/v1/network");
        Assert.Contains(network.GetProperty("rules").EnumerateArray(), r => r.Str("id") == Rule && r.Str("kind") == "partner_only");
        var centers = network.GetProperty("centers").EnumerateArray().ToList();
        var kindOfCenter = centers.ToDictionary(c => c.Str("id"), c => c.Str("kind"), StringComparer.Ordinal);
        var ownTowUnits = centers.Where(c => c.Str("kind") == "direct")
            .SelectMany(c => c.GetProperty("resources").EnumerateArray())
            .Where(r => r.Str("status") == "available" && r.Str("type") == "flatbed")
            .Select(r => r.Str("id"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(ownTowUnits);

        var answer = await agent.PostJsonAsync("/v1/recommendations?options=all&excluded=all", FlatTyreOnThePlateau()).ExpectAsync(HttpStatusCode.OK);

        ApiShapes.Recommendation(answer);
        Assert.Equal("540000", answer.Str("region"));
        Assert.Equal("recommended", answer.Str("status"));
        var best = answer.GetProperty("recommendation");
        Assert.Equal("partner", best.Str("centerKind"));
        Assert.Equal("partner", kindOfCenter[best.Str("centerId")]);
        Assert.True(best.GetProperty("breakdown").GetProperty("partnerPenaltyMin").GetDouble() > 0);
        Assert.All(ApiShapes.Options(answer).Where(o => RuleTypes.Contains(o.Str("resourceType"))), o => Assert.Equal("partner", o.Str("centerKind")));

        // Every own flatbed (the one type that may tow an EREV) is barred by the rule: check 4 comes before the radius check.
        var excluded = answer.GetProperty("excluded").EnumerateArray().ToDictionary(e => e.Str("resourceId"), e => e.Str("reason"), StringComparer.Ordinal);
        Assert.All(ownTowUnits, id => Assert.Equal("partner_only:" + Rule, excluded[id]));

        var nearestOwn = answer.GetProperty("excluded").EnumerateArray().First(e => kindOfCenter[e.Str("centerId")] == "direct");
        Assert.StartsWith("partner_only:" + Rule, nearestOwn.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoDispatch_ErevFlatTyreInTheReserve_AssignsAPartnerUnit()
    {
        using var agent = await Silo.AgentAsync();
        var id = $"changtang-{Guid.NewGuid():N}";
        var created = await agent.CreateCaseAsync(FlatTyreOnThePlateau(id) with { AutoDispatch = true });
        Assert.Equal("dispatched", created.Str("status"));
        var centerId = created.GetProperty("assignment").Str("centerId");
        var center = await agent.GetJsonAsync("/v1/centers/" + Uri.EscapeDataString(centerId));
        Assert.Equal("partner", center.Str("kind"));
        Assert.Equal("assigned", center.Unit(created.GetProperty("assignment").Str("resourceId")).Str("status"));
        await agent.AddEventAsync(id, "cancelled");
    }

    [Fact]
    public async Task Recommend_OutsideChina_Returns422()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.PostJsonAsync("/v1/recommendations", FlatTyreOnThePlateau() with { Location = new GeoPoint(48.85, 2.35) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }
}
