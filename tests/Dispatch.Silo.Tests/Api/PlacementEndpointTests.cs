using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Silo.Tests.Api;

/// <summary><c>POST /v1/planning/placement</c> on a real silo with <see cref="SitesNetwork"/>: both models answer the
/// objective worked out by hand, from the formula or a supplied matrix; bad input is a 400 at its path; a run over its
/// time limit answers its best sites and gap; planners and admins only.</summary>
public sealed class PlacementEndpointTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private static readonly string Valid = DocumentJson.Write(PlacementBodies.Meridian("pmedian") with { TravelMatrix = MeridianMatrix() });

    /// <summary>Body -> the path its error must be reported at. Each differs from <see cref="Valid"/> by one edit.</summary>
    private static readonly Dictionary<string, (string Body, string Path)> Cases = new(StringComparer.Ordinal)
    {
        ["k larger than the candidates"] = (Edit(n => n["k"] = 4), "k"),
        ["k zero"] = (Edit(n => n["k"] = 0), "k"),
        ["k not whole"] = (Edit(n => n["k"] = 1.5), "k"),
        ["k missing"] = (Edit(n => n.AsObject().Remove("k")), "k"),
        ["unknown resourceType"] = (Edit(n => n["resourceType"] = "hovercraft"), "resourceType"),
        ["resourceType missing"] = (Edit(n => n.AsObject().Remove("resourceType")), "resourceType"),
        ["unknown model"] = (Edit(n => n["model"] = "kmeans"), "model"),
        ["model missing"] = (Edit(n => n.AsObject().Remove("model")), "model"),
        ["matrix with a row too few"] = (Edit(n => n["travelMatrix"]!["minutes"]!.AsArray().RemoveAt(2)), "travelMatrix.minutes"),
        ["matrix row one time short"] = (Edit(n => n["travelMatrix"]!["minutes"]![1]!.AsArray().RemoveAt(4)), "travelMatrix.minutes[1]"),
        ["matrix naming an unknown site"] = (Edit(n => n["travelMatrix"]!["sites"]![0] = "s99"), "travelMatrix.sites[0]"),
        ["matrix naming a demand point twice"] = (Edit(n => n["travelMatrix"]!["demand"]![1] = "a"), "travelMatrix.demand[1]"),
        ["negative travel time"] = (Edit(n => n["travelMatrix"]!["minutes"]![0]![1] = -3), "travelMatrix.minutes[0][1]"),
        ["negative timeLimitMs"] = (Edit(n => n["timeLimitMs"] = -1), "timeLimitMs"),
        ["timeLimitMs above the cap"] = (Edit(n => n["timeLimitMs"] = 120_001), "timeLimitMs"),
        ["standardMin zero"] = (Edit(n => n["standardMin"] = 0), "standardMin"),
        ["demand outside every region"] = (Edit(n => n["demand"]![0]!["location"] = new JsonObject { ["lat"] = -10, ["lon"] = 20 }), "demand[0].location"),
        ["negative demand weight"] = (Edit(n => n["demand"]![1]!["weight"] = -2), "demand[1].weight"),
        ["candidate without an id"] = (Edit(n => n["candidates"]![0]!.AsObject().Remove("id")), "candidates[0].id"),
        ["candidate latitude 91"] = (Edit(n => n["candidates"]![2]!["location"]!["lat"] = 91), "candidates[2].location.lat"),
    };

    /// <summary>Bodies that are not a placement request at all (no field to blame in <c>errors</c>).</summary>
    private static readonly Dictionary<string, string> Malformed = new(StringComparer.Ordinal)
    {
        ["not json"] = """{"model": "mclp", "k": """,
        ["array"] = "[]",
        ["null"] = "null",
        ["k a string"] = Edit(n => n["k"] = "two"),
        ["candidates neither centers nor a list"] = Edit(n => n["candidates"] = "everywhere"),
    };

    /// <summary>Numbers beyond a double (valid JSON, infinite as a double) -> the JSON path the problem's detail names.</summary>
    private static readonly Dictionary<string, (string Body, string JsonPath)> NonFinite = new(StringComparer.Ordinal)
    {
        ["travel time 1e400"] = (Valid.Replace("[0,", "[1e400,", StringComparison.Ordinal), "$.travelMatrix.minutes[0][0]"),
        ["k 1e400"] = (Edit(n => n["k"] = 999).Replace("999", "1e400", StringComparison.Ordinal), "$.k"),
        ["timeLimitMs -1e999"] = (Edit(n => n["timeLimitMs"] = 999).Replace("999", "-1e999", StringComparison.Ordinal), "$.timeLimitMs"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public static TheoryData<string> MalformedNames => [.. Malformed.Keys];

    public static TheoryData<string> NonFiniteNames => [.. NonFinite.Keys];

    private SiloHarness Silo => fixture.Silo;

    [Fact]
    public async Task Mclp_MeridianWithStandardMin_CoversTheHandComputedWeight()
    {
        using var planner = await Silo.PlannerAsync();

        // standardMin 40: s25 covers a and b (33 km), s26 only c (f is 50 km away), s27 only e: {s25, s26} covers 1 + 2 + 4.
        var answer = await planner.PlanAsync(PlacementBodies.Meridian("mclp") with { StandardMin = 40 });

        Assert.Equal(["s25", "s26"], Sites(answer));
        Assert.Equal(7, answer.GetProperty("objective").GetDouble());
        Assert.Equal(7, answer.GetProperty("coveredWeight").GetDouble());
        Assert.True(answer.GetProperty("optimal").GetBoolean(), answer.GetRawText());
        Assert.Equal(0, answer.GetProperty("gap").GetDouble());
        Assert.True(answer.GetProperty("solveMillis").GetInt64() >= 0);
    }

    [Fact]
    public async Task Mclp_MeridianWithTheRegionsStandard_CoversMore()
    {
        using var planner = await Silo.PlannerAsync();

        // R1's 60 minutes: s26 also covers f (50 km), so {s25, s26} covers 1 + 2 + 4 + 3.
        var answer = await planner.PlanAsync(PlacementBodies.Meridian("mclp"));

        Assert.Equal(["s25", "s26"], Sites(answer));
        Assert.Equal(10, answer.GetProperty("objective").GetDouble());
        Assert.Equal(10, answer.GetProperty("coveredWeight").GetDouble());
        Assert.True(answer.GetProperty("optimal").GetBoolean(), answer.GetRawText());
    }

    [Fact]
    public async Task PMedian_Meridian_HandComputedWeightedMinutes()
    {
        using var planner = await Silo.PlannerAsync();

        // In degrees of latitude: {s25, s26} 0.3 * 2 + 1 * 2 + 0.45 * 3 = 3.95; {s25, s27} 0.3 * 2 + 1 * 4 + 0.55 * 3 = 6.25;
        // {s26, s27} 1 * 1 + 0.7 * 2 + 0.45 * 3 = 3.75, the least.
        var answer = await planner.PlanAsync(PlacementBodies.Meridian("pmedian"));

        Assert.Equal(["s26", "s27"], Sites(answer));
        Assert.Equal(3.75 * PlacementBodies.MinutesPerDegree, answer.GetProperty("objective").GetDouble(), 1e-6);
        Assert.False(answer.TryGetProperty("coveredWeight", out _), answer.GetRawText());
        Assert.True(answer.GetProperty("optimal").GetBoolean(), answer.GetRawText());
        Assert.Equal(0, answer.GetProperty("gap").GetDouble());
    }

    [Theory]
    [InlineData("mclp", 5.0)]
    [InlineData("pmedian", 100.0)]
    public async Task DefaultInputs_CentersAndTheNetworksDemand_NearestCenterToTheOnePoint(string model, double objective)
    {
        using var planner = await Silo.PlannerAsync();

        // The network's one demand point, weight 5, is 20 km north of c-0; the next center is over 100 km away.
        var omitted = await planner.PlanAsync(new PlacementRequest { Model = model, K = 1, ResourceType = "wheel_lift" });
        var named = await planner.PlanAsync(new PlacementRequest { Model = model, K = 1, ResourceType = "wheel_lift", Candidates = PlacementCandidates.Centers });

        foreach (var answer in new[] { omitted, named })
        {
            Assert.Equal([SitesNetwork.Center(0)], Sites(answer));
            Assert.Equal(objective, answer.GetProperty("objective").GetDouble(), 1e-9);
            Assert.True(answer.GetProperty("optimal").GetBoolean(), answer.GetRawText());
        }
    }

    [Fact]
    public async Task PMedian_TravelMatrix_UsesTheSuppliedMinutes()
    {
        using var planner = await Silo.PlannerAsync();
        var request = PlacementBodies.Matrix("pmedian");

        var answer = await planner.PlanAsync(request);

        // {c-3, c-7}: 10 + 5 * 2 + 40 * 3 = 140; {c-3, c-11}: 10 + 35 * 2 + 8 * 3 = 104; {c-7, c-11}: 30 + 5 * 2 + 8 * 3 = 64.
        Assert.Equal([SitesNetwork.Center(7), SitesNetwork.Center(11)], Sites(answer));
        Assert.Equal(64, answer.GetProperty("objective").GetDouble());
        Assert.True(answer.GetProperty("optimal").GetBoolean(), answer.GetRawText());
    }

    [Fact]
    public async Task Mclp_TravelMatrix_CoversByTheSuppliedMinutes()
    {
        using var planner = await Silo.PlannerAsync();

        // Within 20 minutes c-3 covers p1 (1), c-7 p2 (2), c-11 p3 (3): one site covers at most 3.
        var answer = await planner.PlanAsync(PlacementBodies.Matrix("mclp") with { K = 1, StandardMin = 20 });

        Assert.Equal([SitesNetwork.Center(11)], Sites(answer));
        Assert.Equal(3, answer.GetProperty("coveredWeight").GetDouble());
        Assert.True(answer.GetProperty("optimal").GetBoolean(), answer.GetRawText());
    }

    [Fact]
    public async Task Answer_EqualsTheSolverOnTheSameInput()
    {
        using var admin = Silo.Admin();
        var request = PlacementBodies.Meridian("pmedian") with { K = 1, Existing = true };
        var live = DocumentJson.ParseNetwork(await admin.GetTextAsync("/v1/network"));
        var build = PlacementProblemBuilder.Build(live, request);
        Assert.True(build.IsValid, string.Join("; ", build.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var expected = DocumentJson.Write(PlacementAnswer.From(PlacementSolver.Solve(build.Problem!)) with { SolveMillis = 0 });

        var answer = await admin.PlanAsync(request);

        Assert.Equal(expected, DocumentJson.Write(JsonSerializer.Deserialize<PlacementAnswer>(answer.GetRawText(), DocumentJson.Options)! with { SolveMillis = 0 }));
        Assert.Single(Sites(answer));
    }

    [Fact]
    public async Task TinyTimeLimit_LargerProblem_Answers200WithItsBestSitesAndAGap()
    {
        using var planner = await Silo.PlannerAsync();
        var request = PlacementBodies.RandomMatrix(n: 200, k: 20, timeLimitMs: 1);

        var answer = await planner.PlanAsync(request);

        var sites = Sites(answer);
        Assert.Equal(20, sites.Count);
        Assert.Equal(20, sites.Distinct(StringComparer.Ordinal).Count());
        Assert.True(answer.GetProperty("gap").GetDouble() >= 0, answer.GetRawText());
        Assert.Equal(PlacementBodies.MatrixMedianCost(request, sites), answer.GetProperty("objective").GetDouble());
    }

    [Fact]
    public async Task Placement_AgentKey_Returns403Problem()
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.PostJsonAsync(PlacementBodies.Path, PlacementBodies.Meridian("mclp"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Placement_NoKey_Returns401Problem()
    {
        using var anonymous = Silo.Anonymous();
        using var response = await anonymous.PostJsonAsync(PlacementBodies.Path, PlacementBodies.Meridian("mclp"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Placement_PlannerAndAdmin_Answer()
    {
        using var planner = await Silo.PlannerAsync();
        using var admin = Silo.Admin();
        var request = PlacementBodies.Meridian("mclp");
        Assert.Equal(Sites(await planner.PlanAsync(request)), Sites(await admin.PlanAsync(request)));
    }

    [Fact]
    public async Task ValidBodyOfTheTables_Answers200()
    {
        // Every bad body below is this one with one edit: were this refused, the tables would prove nothing.
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.SendRawAsync(HttpMethod.Post, PlacementBodies.Path, Valid);
        var answer = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["s26", "s27"], Sites(answer));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task InvalidRequest_Returns400AtThePath(string name)
    {
        var (body, path) = Cases[name];
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.SendRawAsync(HttpMethod.Post, PlacementBodies.Path, body);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out var messages), $"{name}: no error at {path}: {errors.GetRawText()}");
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(MalformedNames))]
    public async Task MalformedBody_Returns400Problem(string name)
    {
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.SendRawAsync(HttpMethod.Post, PlacementBodies.Path, Malformed[name]);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(NonFiniteNames))]
    public async Task NonFiniteNumber_Returns400NamingItsPath(string name)
    {
        var (body, jsonPath) = NonFinite[name];
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.SendRawAsync(HttpMethod.Post, PlacementBodies.Path, body);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(jsonPath, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_PlanPlacement_TypedForClientGenerators()
    {
        using var anonymous = Silo.Anonymous();
        var document = await anonymous.GetJsonAsync("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty(PlacementBodies.Path).GetProperty("post");
        Assert.Equal("planPlacement", operation.Str("operationId"));
        Assert.Equal(["Planning"], operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("planner or admin", operation.Str("description"), StringComparison.Ordinal);
        var responses = operation.GetProperty("responses");
        Assert.All(new[] { "200", "400", "401", "403", "503" }, status => Assert.True(responses.TryGetProperty(status, out _), status));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        // A p-median answer has no coveredWeight: a generated client must not require it.
        var answer = schemas.GetProperty(nameof(PlacementAnswer));
        Assert.True(answer.GetProperty("properties").TryGetProperty("coveredWeight", out _));
        Assert.DoesNotContain("coveredWeight", answer.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("sites", answer.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var candidates = schemas.GetProperty(nameof(PlacementCandidates)).GetProperty("oneOf").EnumerateArray().ToList();
        Assert.Equal(["string", "array"], candidates.Select(c => c.Str("type")));
        Assert.Equal("number", schemas.GetProperty(nameof(PlacementTravelMatrix)).GetProperty("properties").GetProperty("minutes")
            .GetProperty("items").GetProperty("items").Str("type"));
    }

    /// <summary>The meridian's travel times as a matrix (rows s25, s26, s27; columns a, b, c, e, f), in whole minutes.</summary>
    private static PlacementTravelMatrix MeridianMatrix()
    {
        var request = PlacementBodies.Meridian("pmedian");
        var sites = request.Candidates!.Sites!;
        return new PlacementTravelMatrix
        {
            Sites = [.. sites.Select(s => s.Id!)],
            Demand = [.. request.Demand!.Select(d => d.Id!)],
            Minutes = [.. sites.Select(s => (IReadOnlyList<double>)[.. request.Demand!.Select(d =>
                Math.Round(Math.Abs(s.Location!.Lat - d.Location!.Lat) * PlacementBodies.MinutesPerDegree))])],
        };
    }

    private static string Edit(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Valid)!;
        edit(node);
        return node.ToJsonString();
    }

    private static List<string> Sites(JsonElement answer) => [.. answer.GetProperty("sites").EnumerateArray().Select(s => s.GetString()!)];
}

/// <summary>Before any network is loaded, placement has nothing to plan over: 503, like the other endpoints.</summary>
public sealed class PlacementWithoutNetworkTests : IAsyncLifetime
{
    private SiloHarness Silo { get; } = SiloHarness.ForApi();

    public Task InitializeAsync()
    {
        Silo.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task NoNetworkYet_Returns503Problem()
    {
        using var planner = await Silo.PlannerAsync();
        using var response = await planner.PostJsonAsync(PlacementBodies.Path, PlacementBodies.Meridian("pmedian"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("No network", problem.Str("detail"), StringComparison.Ordinal);
    }
}

/// <summary>A client that gives up stops its solve: the silo says so in its log long before the time limit.</summary>
public sealed class PlacementCancellationTests(LoggedSitesSiloFixture fixture) : IClassFixture<LoggedSitesSiloFixture>
{
    [Fact]
    public async Task ClientGoesAway_SolveStopsLongBeforeItsTimeLimit()
    {
        var logs = fixture.Silo.Logs!;
        using var planner = await fixture.Silo.PlannerAsync();
        // Not proven in a minute (PlacementBodies.RandomMatrix); given two.
        using var body = ApiJson.Body(PlacementBodies.RandomMatrix(n: 200, k: 20, timeLimitMs: 120_000));
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => planner.PostAsync(PlacementBodies.Path, body, giveUp.Token));

        while (logs.Containing("abandoned after").Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        var abandoned = Assert.Single(logs.Containing("abandoned after"));
        Assert.Contains("PMedian k=20", abandoned, StringComparison.Ordinal);
        Assert.Empty(logs.Containing("Placement PMedian k=20 over"));
        Assert.Empty(logs.Containing("Unhandled error"));
    }
}
