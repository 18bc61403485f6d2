using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// 32 clients open and dispatch 2,000 incidents over 100 units, and complete or cancel them at random; then,
/// through the API only: no unit is held by two open incidents, reservations and stock agree, and every case
/// that got a 201 is readable with a definite status.
/// </summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private const int Clients = 32;
    private const int Incidents = 2000;
    private const int TiresPerCenter = 60;

    private static readonly string[] Centers = ["c-south-west", "c-south-east", "c-north-west", "c-north-east"];
    private static readonly string[] Definite = ["open", "dispatched", "enroute", "onscene", "towing", "completed", "cancelled"];
    private static readonly string[] Holding = ["dispatched", "enroute", "onscene", "towing"];

    private SiloHarness Silo { get; } = SiloHarness.ForApi();
    private readonly ConcurrentDictionary<string, string> lastSeenStatus = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> lastMode = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> failures = new();
    private int next = -1;

    public async Task InitializeAsync()
    {
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", Network()).ExpectAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task ParallelClients_CreateDispatchCompleteCancel_KeepEveryInvariant()
    {
        var agents = new List<HttpClient>();
        for (var i = 0; i < Clients; i++)
        {
            agents.Add(await Silo.AgentAsync());
        }

        try
        {
            await Task.WhenAll(agents.Select((agent, i) => Task.Run(() => RunClientAsync(agent, new Random(7919 * (i + 1))))));
        }
        finally
        {
            agents.ForEach(a => a.Dispose());
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} unexpected answers, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.Equal(Incidents, lastSeenStatus.Count);

        using var admin = Silo.Admin();
        var cases = await ReadAllCasesAsync(admin);
        AssertEveryCaseDefinite(cases);

        // The run went through every kind of ending, so the checks below had something to check.
        foreach (var status in new[] { "open", "dispatched", "enroute", "completed", "cancelled" })
        {
            Assert.Contains(cases.Values, c => c.Str("status") == status);
        }

        var holders = AssertNoUnitHeldTwice(cases);
        await AssertNetworkAgreesAsync(admin, cases, holders);
        await AssertOpenListingAsync(admin, cases);
    }

    private async Task RunClientAsync(HttpClient agent, Random random)
    {
        for (var n = Interlocked.Increment(ref next); n < Incidents; n = Interlocked.Increment(ref next))
        {
            var id = $"conc-{n:D4}";
            var incident = new IncidentRequest
            {
                Id = id,
                Location = new GeoPoint(21 + (random.NextDouble() * 18), 101 + (random.NextDouble() * 8)),
                ReportedAt = IncidentBodies.ReportedAt,
                Fault = random.Next(10) < 7 ? "flat_tire" : "stuck",
                Vehicle = new VehicleDocument { Powertrain = random.Next(4) == 0 ? "bev" : "ice", TireSpec = IncidentBodies.TireSpec },
                Priority = "p" + random.Next(1, 4),
                AutoDispatch = random.Next(2) == 0,
            };

            var created = await SendAsync(agent, HttpMethod.Post, "/v1/incidents", incident, HttpStatusCode.Created);
            if (created is null)
            {
                continue;
            }

            var status = created.Value.Str("status");
            lastSeenStatus[id] = status;
            if (status == "open")
            {
                status = await DispatchAsync(agent, id, incident, random) ?? status;
            }

            var roll = random.Next(10);
            if (status == "dispatched" && roll < 4)
            {
                var tow = lastMode.TryGetValue(id, out var mode) && mode == "tow";
                string[] steps = tow && random.Next(2) == 0 ? ["enroute", "onscene", "towing", "completed"] : ["enroute", "onscene", "completed"];
                await EventsAsync(agent, id, steps, random);
            }
            else if (roll < 8)
            {
                await EventsAsync(agent, id, random.Next(3) == 0 && status == "dispatched" ? ["enroute", "cancelled"] : ["cancelled"], random);
            }
            else if (status == "dispatched" && roll == 8)
            {
                await EventsAsync(agent, id, ["enroute"], random);
            }
        }
    }

    private async Task<string?> DispatchAsync(HttpClient agent, string id, IncidentRequest incident, Random random)
    {
        object body = new { };
        if (random.Next(5) == 0)
        {
            // Name a unit from a recommendation made a moment ago: another client may have taken it since (409).
            var recommendation = await SendAsync(agent, HttpMethod.Post, "/v1/recommendations?options=3", incident with { Id = null }, HttpStatusCode.OK);
            var options = recommendation is { } r ? ApiShapes.Options(r).ToList() : [];
            if (options.Count > 0)
            {
                var pick = options[random.Next(options.Count)];
                body = new { resourceId = pick.Str("resourceId"), mode = pick.Str("mode") };
            }
        }

        using var content = ApiJson.Body(body);
        using var response = await agent.PostAsync(CaseSteps.DispatchPath(id), content);
        var text = await response.Content.ReadAsStringAsync();
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                var dispatched = JsonDocument.Parse(text).RootElement;
                lastSeenStatus[id] = dispatched.Str("status");
                lastMode[id] = dispatched.GetProperty("assignment").Str("mode");
                return dispatched.Str("status");
            case HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity:
                return null;
            default:
                failures.Enqueue($"dispatch {id}: {(int)response.StatusCode} {ApiJson.Shorten(text)}");
                return null;
        }
    }

    private async Task EventsAsync(HttpClient agent, string id, string[] steps, Random random)
    {
        foreach (var type in steps)
        {
            var body = type == "completed" && random.Next(2) == 0
                ? (object)new { type, position = new GeoPoint(21 + (random.NextDouble() * 18), 101 + (random.NextDouble() * 8)) }
                : new { type };
            var updated = await SendAsync(agent, HttpMethod.Post, CaseSteps.EventsPath(id), body, HttpStatusCode.OK);
            if (updated is null)
            {
                return;
            }

            lastSeenStatus[id] = updated.Value.Str("status");
        }
    }

    private async Task<JsonElement?> SendAsync<T>(HttpClient agent, HttpMethod method, string path, T body, HttpStatusCode expected)
    {
        using var content = ApiJson.Body(body);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await agent.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            failures.Enqueue($"{method} {path}: {(int)response.StatusCode} {ApiJson.Shorten(text)}");
            return null;
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<Dictionary<string, JsonElement>> ReadAllCasesAsync(HttpClient admin)
    {
        var cases = new ConcurrentDictionary<string, JsonElement>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(lastSeenStatus.Keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            cases[id] = await admin.GetJsonAsync(CaseSteps.CasePath(id)));
        return new Dictionary<string, JsonElement>(cases, StringComparer.Ordinal);
    }

    private void AssertEveryCaseDefinite(Dictionary<string, JsonElement> cases)
    {
        foreach (var (id, @case) in cases)
        {
            ApiShapes.Case(@case);
            var status = @case.Str("status");
            Assert.Contains(status, Definite);
            Assert.True(lastSeenStatus[id] == status || WasDispatchedFromQueue(@case, lastSeenStatus[id]),
                $"{id}: the client last saw {lastSeenStatus[id]}, the API says {status}");
            var assignment = @case.GetProperty("assignment").ValueKind;
            if (status == "open")
            {
                Assert.Equal(JsonValueKind.Null, assignment);
            }
            else if (status != "cancelled")
            {
                Assert.Equal(JsonValueKind.Object, assignment);
            }
        }
    }

    // A case the client left open while it waited may since have been dispatched by the queue (docs/waiting-and-reassign.md).
    private static bool WasDispatchedFromQueue(JsonElement @case, string lastSeen)
    {
        var timeline = @case.GetProperty("timeline").EnumerateArray().ToList();
        return lastSeen == "open" && @case.Str("status") == "dispatched"
            && timeline.Any(t => t.Str("type") == "waiting")
            && timeline[^1].Str("type") == "dispatched" && timeline[^1].GetProperty("detail").GetString() == "from_queue";
    }

    private static Dictionary<string, string> AssertNoUnitHeldTwice(Dictionary<string, JsonElement> cases)
    {
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, @case) in cases.Where(c => Holding.Contains(c.Value.Str("status"))))
        {
            var unit = @case.GetProperty("assignment").Str("resourceId");
            Assert.True(holders.TryAdd(unit, id), $"unit {unit} is held by both {holders.GetValueOrDefault(unit)} and {id}");
        }

        return holders;
    }

    private static async Task AssertNetworkAgreesAsync(HttpClient admin, Dictionary<string, JsonElement> cases, Dictionary<string, string> holders)
    {
        var network = await admin.GetJsonAsync("/v1/network");
        var assignedUnits = network.GetProperty("centers").EnumerateArray()
            .SelectMany(c => c.GetProperty("resources").EnumerateArray())
            .Where(r => r.Str("status") == "assigned")
            .Select(r => r.Str("id"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(holders.Keys.Order(StringComparer.Ordinal), assignedUnits);

        foreach (var center in network.GetProperty("centers").EnumerateArray())
        {
            var centerId = center.Str("id");
            foreach (var sku in center.GetProperty("stock").EnumerateObject())
            {
                var parts = cases.Values.Where(c => c.GetProperty("assignment") is { ValueKind: JsonValueKind.Object } a
                    && a.Str("centerId") == centerId && a.GetProperty("part").ValueKind == JsonValueKind.String && a.Str("part") == sku.Name).ToList();
                var held = parts.Count(c => Holding.Contains(c.Str("status")));
                var consumed = parts.Count(c => c.Str("status") == "completed");
                var onHand = sku.Value.GetProperty("onHand").GetInt32();
                var reserved = sku.Value.GetProperty("reserved").GetInt32();
                Assert.True(reserved == held, $"{centerId} {sku.Name}: reserved {reserved}, open reservations {held}");
                Assert.True(reserved <= onHand, $"{centerId} {sku.Name}: reserved {reserved} > on hand {onHand}");
                Assert.True(onHand == TiresPerCenter - consumed, $"{centerId} {sku.Name}: on hand {onHand}, {TiresPerCenter} - {consumed} consumed");
            }
        }
    }

    private static async Task AssertOpenListingAsync(HttpClient admin, Dictionary<string, JsonElement> cases)
    {
        var listed = (await admin.GetJsonAsync("/v1/incidents?status=open&limit=1000")).GetProperty("items").EnumerateArray().Select(c => c.Str("id")).Order(StringComparer.Ordinal);
        Assert.Equal(cases.Where(c => c.Value.Str("status") == "open").Select(c => c.Key).Order(StringComparer.Ordinal), listed);
    }

    /// <summary>Two regions, two centers in each, 25 units per center (100 in all), radius wide enough for the whole map.</summary>
    private static NetworkDocument Network()
    {
        var network = ApiNetwork.Create();
        var sites = new[] { new GeoPoint(25, 103), new GeoPoint(25, 107), new GeoPoint(35, 103), new GeoPoint(35, 107) };
        for (var c = 0; c < Centers.Length; c++)
        {
            var id = Centers[c];
            network.Center(id, sites[c], center =>
            {
                center.Radius(3000).Stock(IncidentBodies.TireSku, TiresPerCenter);
                for (var u = 0; u < 25; u++)
                {
                    center.Resource($"{id}-u{u:D2}", (u % 5) switch { 0 or 1 => "flatbed", 2 => "wheel_lift", _ => "service_van" });
                }
            });
        }

        return network.Build();
    }
}
