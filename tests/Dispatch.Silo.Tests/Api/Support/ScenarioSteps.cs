using System.Net;
using System.Text.Json;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>Scenario requests on <see cref="SitesNetwork"/> and the steps of a run through the API: submit, poll, cancel.</summary>
internal static class ScenarioSteps
{
    public const string Path = "/v1/scenarios";

    /// <summary>Generous: runs share two cores with other tests; no test asserts how fast a run is.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public static readonly DateTimeOffset Start = new(2025, 3, 12, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Finished = ["completed", "failed", "cancelled"];

    /// <summary><paramref name="count"/> replayed calls, one every 17 minutes, going round the sites; flat tyres and
    /// stuck cars by turns.</summary>
    public static ScenarioRequest Replay(int count, string? name = null) => new()
    {
        Name = name,
        Base = ScenarioBase.Live,
        Demand = new DemandDocument
        {
            Incidents = [.. Enumerable.Range(0, count).Select(i =>
            {
                var at = Places.North(SitesNetwork.At(i % SitesNetwork.Count), 5 + (i % 7));
                var call = i % 2 == 0 ? IncidentBodies.FlatTire(at, $"call-{i:D5}") : IncidentBodies.Stuck(at, $"call-{i:D5}");
                return call with { ReportedAt = Start.AddMinutes(17 * i) };
            })],
        },
    };

    /// <summary>Calls generated from a seed over <paramref name="days"/>, with a surge in the north of the sites.</summary>
    public static ScenarioRequest Generated(double days, double ratePerDay, long seed = 7, string? name = null) => new()
    {
        Name = name,
        Base = ScenarioBase.Live,
        Demand = new DemandDocument
        {
            Generate = new DemandGenerationDocument
            {
                Start = Start,
                Days = days,
                RatePerDay = ratePerDay,
                Seed = seed,
                Surges =
                [
                    new SurgeDocument { Region = NetworkBuilder.SouthRegion, From = Start.AddHours(6), To = Start.AddHours(30), Factor = 3 },
                ],
            },
        },
    };

    /// <summary>A run long enough to be caught running, cancelled, or stopped with the silo.</summary>
    public static ScenarioRequest Long(string? name = null) => Generated(days: 400, ratePerDay: 2_500, seed: 11, name);

    /// <summary>A run of some seconds: long enough that another can be seen waiting behind it.</summary>
    public static ScenarioRequest Medium(string? name = null) => Generated(days: 20, ratePerDay: 2_000, seed: 5, name);

    public static ScenarioChanges CloseAndAdd { get; } = new()
    {
        CloseCenters = [SitesNetwork.Center(1), SitesNetwork.Center(2)],
        AddResources =
        [
            new AddedResourceDocument { CenterId = SitesNetwork.Center(0), Id = "r-0-fb2", Type = "flatbed" },
            new AddedResourceDocument { CenterId = SitesNetwork.Center(0), Id = "r-0-fb3", Type = "flatbed", Position = Places.North(SitesNetwork.At(0), 10) },
        ],
    };

    /// <summary>Posts the request, asserts 202 with <c>{id, status}</c> and a Location naming the run; returns the id.</summary>
    public static async Task<string> SubmitAsync(this HttpClient planner, ScenarioRequest request)
    {
        using var response = await planner.PostJsonAsync(Path, request);
        var body = await response.ExpectJsonAsync(HttpStatusCode.Accepted);
        var id = body.Str("id");
        Assert.Equal(ScenarioPath(id), response.Headers.Location?.OriginalString);
        Assert.Contains(body.Str("status"), new[] { "queued", "running", "completed", "failed" });
        return id;
    }

    public static string ScenarioPath(string id) => $"{Path}/{Uri.EscapeDataString(id)}";

    public static Task<JsonElement> GetScenarioAsync(this HttpClient planner, string id) => planner.GetJsonAsync(ScenarioPath(id));

    /// <summary>Polls the run until <paramref name="until"/> holds; fails after <see cref="Patience"/>.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient planner, string id, Func<JsonElement, bool> until, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var run = await planner.GetScenarioAsync(id);
            if (until(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Scenario {id} did not get {what} in {Patience}: {ApiJson.Shorten(run.GetRawText())}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public static Task<JsonElement> WaitUntilFinishedAsync(this HttpClient planner, string id) =>
        planner.WaitForAsync(id, r => Finished.Contains(r.Str("status")), "to an end");

    /// <summary>Waits for the end and asserts it completed.</summary>
    public static async Task<JsonElement> WaitUntilCompletedAsync(this HttpClient planner, string id)
    {
        var run = await planner.WaitUntilFinishedAsync(id);
        Assert.True(run.Str("status") == "completed", $"Scenario {id} did not complete: {ApiJson.Shorten(run.GetRawText())}");
        return run;
    }

    /// <summary>Waits until the run computes (running, with some progress), so that it is caught in the middle.</summary>
    public static Task<JsonElement> WaitUntilComputingAsync(this HttpClient planner, string id) =>
        planner.WaitForAsync(id, r => r.Str("status") == "running" && r.GetProperty("progress").GetDouble() > 0, "running with some progress");

    public static async Task<HttpResponseMessage> CancelAsync(this HttpClient planner, string id)
    {
        using var empty = new StringContent(string.Empty);
        return await planner.PostAsync(ScenarioPath(id) + "/cancel", empty);
    }

    /// <summary>The ids of <c>GET /v1/scenarios</c>, in the order listed.</summary>
    public static async Task<List<string>> ListIdsAsync(this HttpClient planner) =>
        [.. (await planner.GetJsonAsync(Path)).GetProperty("items").EnumerateArray().Select(i => i.Str("id"))];
}
