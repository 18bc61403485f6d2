using System.Net;
using System.Text.Json;
using Dispatch.Cli.Api;
using Dispatch.Cli.Input;
using Dispatch.Cli.Running;
using Dispatch.Cli.Tests.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Cli.Tests.Api;

public class RemoteBackendTests
{
    private static readonly Uri Silo = new("http://127.0.0.1:5080/");

    private static readonly ScenarioRequest Request = new()
    {
        Name = "test",
        Demand = new DemandDocument { Generate = new DemandGenerationDocument { Days = 1, RatePerDay = 10, Seed = 1 } },
        Policy = "coverage",
    };

    private static RemoteBackend Backend(StubSilo silo) =>
        new(new ScenarioApiClient(Silo, "secret-key", silo), TimeSpan.FromMilliseconds(1), TimeProvider.System);

    private static string Status(string status, double progress, bool withKpis = false, string? error = null) =>
        JsonSerializer.Serialize(
            new
            {
                id = "s-1",
                name = "test",
                status,
                progress,
                scenario = withKpis ? SampleKpis.Create(12) : null,
                baseline = withKpis ? SampleKpis.Create(12, 0.7) : null,
                error,
            },
            CliJson.Options);

    private static HttpResponseMessage Accepted() =>
        StubSilo.Json(HttpStatusCode.Accepted, """{"id":"s-1","status":"queued"}""", new Uri("/v1/scenarios/s-1", UriKind.Relative));

    private sealed class Recorder : IProgress<double>
    {
        public List<double> Values { get; } = [];

        public void Report(double value) => Values.Add(value);
    }

    [Fact]
    public async Task RunAsync_SiloCompletes_ReturnsBothRunsAndReportsProgress()
    {
        using var silo = new StubSilo((_, i) => i switch
        {
            0 => Accepted(),
            1 => StubSilo.Json(HttpStatusCode.OK, Status("running", 0.5)),
            _ => StubSilo.Json(HttpStatusCode.OK, Status("completed", 1, withKpis: true)),
        });
        using var backend = Backend(silo);
        var progress = new Recorder();

        var result = await backend.RunAsync(Request, progress, CancellationToken.None);

        Assert.Equal(12, result.Outcome.Scenario.Incidents);
        Assert.Equal(0.7, result.Outcome.Baseline.WithinStandardShare);
        Assert.Equal("completed", result.Answer["status"]!.GetValue<string>());
        Assert.Contains(0.5, progress.Values);
        var post = silo.Requests[0];
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal("/v1/scenarios", post.Path);
        Assert.Equal("Bearer secret-key", post.Authorization);
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal("live", body.RootElement.GetProperty("base").GetString());
        Assert.Equal("/v1/scenarios/s-1", silo.Requests[1].Path);
    }

    [Fact]
    public async Task RunAsync_KpisWithoutChartExtensions_FillsThemEmpty()
    {
        // A silo may answer the contract's KPIs only: no responseHistogram, no coverageOverTime.
        const string bare = """
            {"incidents":3,"served":3,"unserved":0,"queued":0,
             "responseMin":{"mean":20,"p50":20,"p90":30,"p95":30,"max":30},"withinStandardShare":1,
             "byRegion":[{"region":"east","incidents":3,"responseMin":{"mean":20,"p50":20,"p90":30,"p95":30,"max":30},"withinStandardShare":1}],
             "busyShare":[],"partsConsumed":{},"stockOuts":0,"coverage":{"tow":{"all":0.9,"remote":null}}}
            """;
        using var silo = new StubSilo((_, i) => i == 0
            ? Accepted()
            : StubSilo.Json(HttpStatusCode.OK, $$"""{"id":"s-1","status":"completed","progress":1,"scenario":{{bare}},"baseline":{{bare}}}"""));
        using var backend = Backend(silo);

        var result = await backend.RunAsync(Request, new Recorder(), CancellationToken.None);

        Assert.Empty(result.Outcome.Scenario.ResponseHistogram.Counts);
        Assert.Empty(result.Outcome.Baseline.CoverageOverTime);
        Assert.Equal("east", result.Outcome.Scenario.ByRegion[0].Name);
        Assert.Null(result.Outcome.Scenario.Coverage["tow"].Remote);
    }

    [Fact]
    public async Task RunAsync_BadRequest_ThrowsInvalidInputWithTheErrorPaths()
    {
        const string problem = """
            {"type":"about:blank","title":"Invalid scenario","status":400,"detail":"2 errors",
             "errors":{"changes.closeCenters[0]":["unknown center 'c-x'"],"demand.generate.days":["must be above 0"]}}
            """;
        using var silo = new StubSilo((_, _) => StubSilo.Json(HttpStatusCode.BadRequest, problem));
        using var backend = Backend(silo);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => backend.RunAsync(Request, new Recorder(), CancellationToken.None));

        Assert.Equal(
            [new InputError("changes.closeCenters[0]", "unknown center 'c-x'"), new InputError("demand.generate.days", "must be above 0")],
            error.Errors);
    }

    [Fact]
    public async Task RunAsync_Forbidden_FailsWithTheProblemDetail()
    {
        using var silo = new StubSilo((_, _) => StubSilo.Json(HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403,"detail":"the agent role cannot run scenarios"}"""));
        using var backend = Backend(silo);

        var error = await Assert.ThrowsAsync<RunFailedException>(() => backend.RunAsync(Request, new Recorder(), CancellationToken.None));

        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("the agent role cannot run scenarios", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RunFailsOnSilo_FailsWithItsError()
    {
        using var silo = new StubSilo((_, i) => i == 0 ? Accepted() : StubSilo.Json(HttpStatusCode.OK, Status("failed", 0.3, error: "the silo stopped")));
        using var backend = Backend(silo);

        var error = await Assert.ThrowsAsync<RunFailedException>(() => backend.RunAsync(Request, new Recorder(), CancellationToken.None));

        Assert.Contains("s-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("the silo stopped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CancelledWhilePolling_CancelsTheRunOnTheSilo()
    {
        using var cancel = new CancellationTokenSource();
        using var silo = new StubSilo((request, i) => i == 0
            ? Accepted()
            : request.Path.EndsWith("/cancel", StringComparison.Ordinal)
                ? StubSilo.Json(HttpStatusCode.Accepted, Status("cancelled", 0.4))
                : StubSilo.Json(HttpStatusCode.OK, Status("running", 0.4)));
        // The planner presses Ctrl+C while the second poll is on its way.
        silo.OnRequest = r =>
        {
            if (r.Method == HttpMethod.Get && silo.Requests.Count(q => q.Method == HttpMethod.Get) == 2)
            {
                cancel.Cancel();
            }
        };
        using var backend = Backend(silo);

        var error = await Assert.ThrowsAsync<RunCancelledException>(() => backend.RunAsync(Request, new Recorder(), cancel.Token));

        var last = silo.Requests[^1];
        Assert.Equal(HttpMethod.Post, last.Method);
        Assert.Equal("/v1/scenarios/s-1/cancel", last.Path);
        Assert.Contains("s-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileSubmitting_StillCancelsTheRunTheSiloCreated()
    {
        using var cancel = new CancellationTokenSource();
        using var silo = new StubSilo((request, i) => i == 0
            ? Accepted()
            : StubSilo.Json(HttpStatusCode.OK, Status("cancelled", 0)));
        silo.OnRequest = r =>
        {
            if (r.Method == HttpMethod.Post && r.Path == "/v1/scenarios")
            {
                cancel.Cancel();
            }
        };
        using var backend = Backend(silo);

        await Assert.ThrowsAsync<RunCancelledException>(() => backend.RunAsync(Request, new Recorder(), cancel.Token));

        Assert.Equal(["/v1/scenarios", "/v1/scenarios/s-1/cancel"], silo.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task RunAsync_CancelledAfterTheRunFinished_SaysItHadFinished()
    {
        using var cancel = new CancellationTokenSource();
        using var silo = new StubSilo((request, i) => i == 0
            ? Accepted()
            : request.Path.EndsWith("/cancel", StringComparison.Ordinal)
                ? StubSilo.Json(HttpStatusCode.Conflict, """{"title":"Conflict","status":409,"detail":"The run is completed"}""")
                : StubSilo.Json(HttpStatusCode.OK, Status("running", 0.9)));
        silo.OnRequest = r =>
        {
            if (r.Method == HttpMethod.Get)
            {
                cancel.Cancel();
            }
        };
        using var backend = Backend(silo);

        var error = await Assert.ThrowsAsync<RunCancelledException>(() => backend.RunAsync(Request, new Recorder(), cancel.Token));

        Assert.Contains("had already finished", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CompletedWithoutKpis_Fails()
    {
        using var silo = new StubSilo((_, i) => i == 0 ? Accepted() : StubSilo.Json(HttpStatusCode.OK, Status("completed", 1)));
        using var backend = Backend(silo);

        await Assert.ThrowsAsync<RunFailedException>(() => backend.RunAsync(Request, new Recorder(), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_NothingListening_FailsSayingSo()
    {
        using var silo = new StubSilo((_, _) => throw new HttpRequestException("Connection refused (127.0.0.1:5080)"));
        using var backend = Backend(silo);

        var error = await Assert.ThrowsAsync<RunFailedException>(() => backend.RunAsync(Request, new Recorder(), CancellationToken.None));

        Assert.Contains("Cannot reach the silo", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }
}
