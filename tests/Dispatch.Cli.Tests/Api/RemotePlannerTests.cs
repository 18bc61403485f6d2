using System.Net;
using System.Text.Json;
using Dispatch.Cli.Api;
using Dispatch.Cli.Input;
using Dispatch.Cli.Running;
using Dispatch.Cli.Tests.Support;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Tests.Api;

public class RemotePlannerTests
{
    private static readonly Uri Silo = new("http://127.0.0.1:5080/");

    private static readonly PlacementRequest Request = new()
    {
        Model = "mclp",
        K = 1,
        ResourceType = "flatbed",
        Candidates = PlacementCandidates.Centers,
    };

    private static RemotePlanner Planner(StubSilo silo, List<string>? warnings = null) =>
        new(new ScenarioApiClient(Silo, "secret-key", silo), message => warnings?.Add(message));

    private static HttpResponseMessage Answer() =>
        StubSilo.Json(HttpStatusCode.OK, """{"sites":["c-east"],"objective":16,"coveredWeight":16,"optimal":true,"gap":0,"solveMillis":3}""");

    private static HttpResponseMessage Network() =>
        StubSilo.Json(HttpStatusCode.OK, File.ReadAllText(TestFiles.TinyNetwork));

    [Fact]
    public async Task PlanAsync_SiloAnswers_PostsTheRequestAndLinksDemandOnTheLiveNetwork()
    {
        using var silo = new StubSilo((request, _) => request.Method == HttpMethod.Get ? Network() : Answer());
        using var planner = Planner(silo);

        var outcome = await planner.PlanAsync(Request, CancellationToken.None);

        var post = silo.Requests[0];
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal("/v1/planning/placement", post.Path);
        Assert.Equal("Bearer secret-key", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body!))
        {
            Assert.Equal("mclp", body.RootElement.GetProperty("model").GetString());
            Assert.Equal(1, body.RootElement.GetProperty("k").GetDouble());
            Assert.Equal("flatbed", body.RootElement.GetProperty("resourceType").GetString());
            Assert.Equal("centers", body.RootElement.GetProperty("candidates").GetString());
        }

        Assert.Equal("/v1/network", silo.Requests[1].Path);
        Assert.Equal(["c-east"], outcome.Answer.Sites);
        Assert.Equal(16, outcome.Answer.CoveredWeight);
        Assert.NotNull(outcome.Assignments);
        Assert.Equal(4, outcome.Assignments!.Count);
        Assert.All(outcome.Assignments, a => Assert.Equal("c-east", a.SiteId));
        Assert.Equal(new Dispatch.Solver.Documents.GeoPoint(31, 111), outcome.Places.Site("c-east"));
    }

    [Fact]
    public async Task PlanAsync_SiloWithoutTheEndpoint_FailsSayingSo()
    {
        using var silo = new StubSilo((_, _) => new HttpResponseMessage(HttpStatusCode.NotFound));
        using var planner = Planner(silo);

        var failed = await Assert.ThrowsAsync<RunFailedException>(() => planner.PlanAsync(Request, CancellationToken.None));

        Assert.Contains("HTTP 404", failed.Message, StringComparison.Ordinal);
        Assert.Contains("/v1/planning/placement", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_SiloRefusesWithErrors_IsInvalidInputWithPathsAndOptions()
    {
        using var silo = new StubSilo((_, _) => StubSilo.Json(
            HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"k":["must be at most the number of candidate sites, 2 (was 3)"],"candidates[0].location":["is required"]}}"""));
        using var planner = Planner(silo);

        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => planner.PlanAsync(Request, CancellationToken.None));

        Assert.Contains(invalid.Errors, e => e.Path == "k (--k)" && e.Message.Contains("at most", StringComparison.Ordinal));
        Assert.Contains(invalid.Errors, e => e.Path == "candidates[0].location (--candidates)");
    }

    [Fact]
    public async Task PlanAsync_NetworkUnreadable_StillAnswersWithAWarning()
    {
        var warnings = new List<string>();
        using var silo = new StubSilo((request, _) => request.Method == HttpMethod.Get
            ? StubSilo.Json(HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403}""")
            : Answer());
        using var planner = Planner(silo, warnings);

        var outcome = await planner.PlanAsync(Request, CancellationToken.None);

        Assert.Equal(["c-east"], outcome.Answer.Sites);
        Assert.Null(outcome.Assignments);
        Assert.Contains(warnings, w => w.Contains("HTTP 403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanAsync_AnswerWithoutSites_FailsAsUnexpected()
    {
        using var silo = new StubSilo((_, _) => StubSilo.Json(HttpStatusCode.OK, """{"objective":1}"""));
        using var planner = Planner(silo);

        var failed = await Assert.ThrowsAsync<RunFailedException>(() => planner.PlanAsync(Request, CancellationToken.None));

        Assert.Contains("no list of sites", failed.Message, StringComparison.Ordinal);
    }
}
