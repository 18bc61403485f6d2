using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Bad scenario requests are refused before anything is created: a 400 problem with the error at its path,
/// and <c>GET /v1/scenarios</c> stays empty (this class has a silo of its own where no run is ever accepted).</summary>
public sealed class ScenarioBadInputTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private static readonly string Replayed = DocumentJson.Write(ScenarioSteps.Replay(3));
    private static readonly string Generated = DocumentJson.Write(ScenarioSteps.Generated(days: 1, ratePerDay: 10));

    /// <summary>Body -> the path its error must be reported at.</summary>
    private static readonly Dictionary<string, (string Body, string Path)> Cases = new(StringComparer.Ordinal)
    {
        ["unknown center in closeCenters"] = (Edit(Replayed, n => n["changes"] = new JsonObject { ["closeCenters"] = new JsonArray("c-nowhere") }), "changes.closeCenters[0]"),
        ["second of closeCenters unknown"] = (Edit(Replayed, n => n["changes"] = new JsonObject { ["closeCenters"] = new JsonArray("c-1", "c-nowhere") }), "changes.closeCenters[1]"),
        ["added rule with a zone that is no polygon"] = (Edit(Replayed, n => n["changes"] = new JsonObject
        {
            ["addRules"] = new JsonArray(new JsonObject
            {
                ["id"] = "no-tow",
                ["kind"] = "deny",
                ["types"] = new JsonArray("flatbed"),
                ["zone"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(101, 21) },
            }),
        }), "changes.addRules[0].zone"),
        ["added unit at an unknown center"] = (Edit(Replayed, n => n["changes"] = new JsonObject
        {
            ["addResources"] = new JsonArray(new JsonObject { ["centerId"] = "c-nowhere", ["id"] = "r-new", ["type"] = "flatbed" }),
        }), "changes.addResources[0].centerId"),
        ["days 0"] = (Edit(Generated, n => n["demand"]!["generate"]!["days"] = 0), "demand.generate.days"),
        ["days 10000"] = (Edit(Generated, n => n["demand"]!["generate"]!["days"] = 10_000), "demand.generate.days"),
        ["replayed incident without reportedAt"] = (Edit(Replayed, n => n["demand"]!["incidents"]![1]!.AsObject().Remove("reportedAt")), "demand.incidents[1].reportedAt"),
        ["replayed incident without id"] = (Edit(Replayed, n => n["demand"]!["incidents"]![0]!.AsObject().Remove("id")), "demand.incidents[0].id"),
        ["both incidents and generate"] = (Edit(Replayed, n => n["demand"]!["generate"] = JsonNode.Parse(Generated)!["demand"]!["generate"]!.DeepClone()), "demand"),
        ["no demand"] = (Edit(Replayed, n => n.AsObject().Remove("demand")), "demand"),
        ["no base"] = (Edit(Replayed, n => n.AsObject().Remove("base")), "base"),
        ["policy unknown"] = (Edit(Replayed, n => n["policy"] = "fastest"), "policy"),
        ["name too long"] = (Edit(Replayed, n => n["name"] = new string('n', 201)), "name"),
        ["surge in an unknown region"] = (Edit(Generated, n => n["demand"]!["generate"]!["surges"]![0]!["region"] = "R9"), "demand.generate.surges[0].region"),
    };

    private static readonly Dictionary<string, string> Malformed = new(StringComparer.Ordinal)
    {
        ["not json"] = """{"base": "live", "demand": {""",
        ["base neither live nor a document"] = Edit(Replayed, n => n["base"] = "yesterday"),
        ["base a number"] = Edit(Replayed, n => n["base"] = 7),
        ["days a string"] = Edit(Generated, n => n["demand"]!["generate"]!["days"] = "ten"),
        ["days 1e400"] = Generated.Replace("\"days\":1", "\"days\":1e400", StringComparison.Ordinal),
        ["array"] = "[]",
        ["null"] = "null",
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public static TheoryData<string> MalformedNames => [.. Malformed.Keys];

    private SiloHarness Silo => fixture.Silo;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Submit_InvalidRequest_Returns400AtThePathAndCreatesNothing(string name)
    {
        var (body, path) = Cases[name];
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.SendRawAsync(HttpMethod.Post, ScenarioSteps.Path, body);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out var messages), $"{name}: no error at {path}: {errors.GetRawText()}");
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Empty(await planner.ListIdsAsync());
    }

    [Theory]
    [MemberData(nameof(MalformedNames))]
    public async Task Submit_MalformedBody_Returns400AndCreatesNothing(string name)
    {
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.SendRawAsync(HttpMethod.Post, ScenarioSteps.Path, Malformed[name]);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(await planner.ListIdsAsync());
    }

    [Fact]
    public async Task Submit_ValidRequestsOfTheTable_AreValid()
    {
        // The table's bodies differ from these by the one edit each names: were these refused, the table would prove nothing.
        foreach (var body in new[] { Replayed, Generated })
        {
            var request = JsonSerializer.Deserialize<ScenarioRequest>(body, DocumentJson.Options)!;
            using var admin = Silo.Admin();
            var live = JsonSerializer.Deserialize<NetworkDocument>(await admin.GetTextAsync("/v1/network"), DocumentJson.Options);
            var preparation = Solver.Simulation.ScenarioRunner.Prepare(request, live);
            Assert.True(preparation.IsValid, string.Join("; ", preparation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        }
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }
}
