using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Grains.Centers;
using Dispatch.Silo.Tests.Harness;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests;

/// <summary>POST /v1/dispatch/batch on a real silo: what a committed batch reports is what the centers hold, and a
/// single dispatch racing a batch never books a unit twice.</summary>
public sealed class BatchDispatchTests
{
    // A 2 x 2 degree region around (30, 105), one center with four tow trucks, two service vans and one tyre.
    private const string Network = """
        {
          "parameters": {
            "timeZone": "Asia/Shanghai",
            "resourceTypes": {
              "flatbed": { "speedKmh": 60, "mobilizationMin": 0, "coverageClass": "tow" },
              "service_van": { "speedKmh": 60, "mobilizationMin": 0, "coverageClass": "service" }
            },
            "evTowTypes": ["flatbed"],
            "faults": {
              "stuck": [ { "mode": "tow", "types": ["flatbed"], "serviceMin": 60, "penaltyMin": 0 } ],
              "flat_tire": [ { "mode": "onsite", "types": ["service_van"], "part": "TIRE-{tireSpec}", "serviceMin": 30, "penaltyMin": 0 },
                             { "mode": "tow", "types": ["flatbed"], "serviceMin": 60, "penaltyMin": 30 } ]
            },
            "crossRegionPenaltyMin": 20, "partnerPenaltyMin": 10, "coverageLambda": 1.0,
            "priorityCoverageFactor": { "p1": 0, "p2": 0.5, "p3": 1 },
            "priorityWeight": { "p1": 4, "p2": 2, "p3": 1 },
            "unassignedPenaltyMin": { "p1": 100000, "p2": 50000, "p3": 20000 }
          },
          "regions": [ { "code": "R1", "name": "Region one", "remote": false, "coverageStandardMin": 60, "coverageWeight": 1,
                         "circuity": 1, "speedFactor": 1,
                         "geometry": { "type": "Polygon", "coordinates": [[[104,29],[106,29],[106,31],[104,31],[104,29]]] } } ],
          "centers": [ { "id": "c1", "name": "Center one", "kind": "direct", "location": { "lat": 30, "lon": 105 }, "serviceRadiusKm": 200,
                         "resources": [
                           { "id": "fb1", "type": "flatbed", "status": "available" },
                           { "id": "fb2", "type": "flatbed", "status": "available", "position": { "lat": 30.1, "lon": 105 } },
                           { "id": "fb3", "type": "flatbed", "status": "available", "position": { "lat": 30.2, "lon": 105 } },
                           { "id": "fb4", "type": "flatbed", "status": "available", "position": { "lat": 29.8, "lon": 105 } },
                           { "id": "sv1", "type": "service_van", "status": "available" },
                           { "id": "sv2", "type": "service_van", "status": "available", "position": { "lat": 30.1, "lon": 105.1 } } ],
                         "stock": { "TIRE-A": { "onHand": 1, "reserved": 0 } } } ],
          "demandPoints": [ { "id": "d1", "location": { "lat": 30.05, "lon": 105.05 }, "weight": 5 } ],
          "rules": []
        }
        """;

    [Fact]
    public async Task Commit_ReservesEverythingItReports()
    {
        await using var silo = new SiloHarness(MemoryOptions()).Start();
        using var client = silo.CreateAdminClient();
        await LoadNetworkAsync(client);

        var answer = await PostBatchAsync(client, commit: true,
            Incident("b1", 30.0, 105.0), Incident("b2", 30.1, 105.0), Incident("b3", 29.9, 105.0),
            Incident("b4", 30.0, 105.1, "flat_tire"), Incident("b5", 30.05, 105.0, "flat_tire"));

        Assert.True(answer.GetProperty("committed").GetBoolean());
        var assignments = answer.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(5, assignments.Count + answer.GetProperty("unassigned").GetArrayLength());
        Assert.NotEmpty(assignments);
        var network = await client.GetFromJsonAsync<JsonElement>("/v1/network");
        var statuses = Resources(network).ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("status").GetString());
        foreach (var assignment in assignments)
        {
            var incidentId = assignment.GetProperty("incidentId").GetString()!;
            var resourceId = assignment.GetProperty("resourceId").GetString()!;
            Assert.Equal("assigned", statuses[resourceId]);
            var found = await client.GetFromJsonAsync<JsonElement>($"/v1/incidents/{incidentId}");
            Assert.Equal("dispatched", found.GetProperty("status").GetString());
            Assert.Equal(resourceId, found.GetProperty("assignment").GetProperty("resourceId").GetString());
            Assert.Equal(assignment.GetProperty("mode").GetString(), found.GetProperty("assignment").GetProperty("mode").GetString());
        }

        // Exactly the reported units are held, and the one tyre is reserved once if some assignment took it.
        var held = statuses.Where(s => s.Value == "assigned").Select(s => s.Key).Order(StringComparer.Ordinal);
        Assert.Equal(assignments.Select(a => a.GetProperty("resourceId").GetString()!).Order(StringComparer.Ordinal), held);
        var tyres = assignments.Count(a => a.TryGetProperty("part", out var part) && part.ValueKind == JsonValueKind.String);
        Assert.True(tyres <= 1);
        Assert.Equal(tyres, Stock(network, "c1", "TIRE-A").GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Commit_WhenACenterRefusesAUnitTheIndexThoughtFree_ResolvesAndBooksNothingTwice()
    {
        await using var silo = new SiloHarness(MemoryOptions()).Start();
        using var client = silo.CreateAdminClient();
        await LoadNetworkAsync(client);

        // Taken behind the dispatcher's back: its index still shows fb1 (the nearest) as free.
        var ghost = await silo.Grains.GetGrain<IServiceCenterGrain>("c1").ReserveAsync(new ReserveRequest("ghost", "fb1", "tow", null, 0));
        Assert.Equal(ReserveStatus.Reserved, ghost.Status);

        var answer = await PostBatchAsync(client, commit: true, Incident("r1", 30.0, 105.0), Incident("r2", 30.1, 105.0));

        Assert.True(answer.GetProperty("resolved").GetInt32() >= 1);
        Assert.False(answer.GetProperty("optimal").GetBoolean());
        Assert.NotEmpty(answer.GetProperty("notes").EnumerateArray());
        var units = answer.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("resourceId").GetString()).ToList();
        Assert.Equal(2, units.Count);
        Assert.DoesNotContain("fb1", units);
        Assert.Equal(units.Count, units.Distinct().Count());
    }

    [Fact]
    public async Task Commit_RacingSingleDispatches_NeverDoubleBooksAUnitOrAPart()
    {
        await using var silo = new SiloHarness(MemoryOptions()).Start();
        using var client = silo.CreateAdminClient();
        await LoadNetworkAsync(client);

        // Eight calls for six units and one tyre: a batch of five and three single dispatches at the same time.
        var batch = PostBatchAsync(client, commit: true,
            Incident("m1", 30.0, 105.0), Incident("m2", 30.1, 105.0), Incident("m3", 29.9, 105.0, "flat_tire"),
            Incident("m4", 30.2, 105.1), Incident("m5", 30.0, 104.9, "flat_tire"));
        var singles = new[] { Incident("s1", 30.0, 105.0, "flat_tire"), Incident("s2", 30.1, 105.1), Incident("s3", 29.95, 105.0) }
            .Select(body =>
            {
                body["autoDispatch"] = true;
                return client.PostAsJsonAsync("/v1/incidents", body);
            }).ToList();
        await batch;
        foreach (var single in singles)
        {
            using var response = await single;
            Assert.True(response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                $"single dispatch answered {(int)response.StatusCode}");
        }

        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        var tyres = 0;
        foreach (var id in new[] { "m1", "m2", "m3", "m4", "m5", "s1", "s2", "s3" })
        {
            var found = await client.GetFromJsonAsync<JsonElement>($"/v1/incidents/{id}");
            if (found.GetProperty("assignment") is { ValueKind: JsonValueKind.Object } assignment)
            {
                var unit = assignment.GetProperty("resourceId").GetString()!;
                Assert.True(holders.TryAdd(unit, id), $"{unit} is held by both {holders.GetValueOrDefault(unit)} and {id}");
                tyres += assignment.GetProperty("part").ValueKind == JsonValueKind.String ? 1 : 0;
            }
        }

        var network = await client.GetFromJsonAsync<JsonElement>("/v1/network");
        var assigned = Resources(network).Where(r => r.GetProperty("status").GetString() == "assigned").Select(r => r.GetProperty("id").GetString()!);
        Assert.Equal(holders.Keys.Order(StringComparer.Ordinal), assigned.Order(StringComparer.Ordinal));
        Assert.True(tyres <= 1);
        Assert.Equal(tyres, Stock(network, "c1", "TIRE-A").GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Preview_WithoutCommit_ChangesNothing()
    {
        await using var silo = new SiloHarness(MemoryOptions()).Start();
        using var client = silo.CreateAdminClient();
        await LoadNetworkAsync(client);
        var before = await client.GetStringAsync("/v1/network");

        var answer = await PostBatchAsync(client, commit: false, Incident("p1", 30.0, 105.0), Incident("p2", 30.1, 105.0));

        Assert.Equal(2, answer.GetProperty("assignments").GetArrayLength());
        Assert.True(answer.GetProperty("optimal").GetBoolean());
        Assert.Equal(0, answer.GetProperty("gap").GetDouble());
        Assert.Equal(before, await client.GetStringAsync("/v1/network"));
        using var missing = await client.GetAsync("/v1/incidents/p1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Post_InvalidBatch_Is400ListingEveryPath()
    {
        await using var silo = new SiloHarness(MemoryOptions()).Start();
        using var client = silo.CreateAdminClient();
        var withoutId = Incident("x", 30, 105);
        withoutId.Remove("id");
        var badPriority = Incident("y", 30, 105);
        badPriority["priority"] = "p9";
        var body = new JsonObject
        {
            ["incidents"] = new JsonArray(withoutId, badPriority, Incident("y", 30, 105)),
            ["commit"] = false,
            ["timeLimitMs"] = 0,
        };

        using var response = await client.PostAsJsonAsync("/v1/dispatch/batch", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var paths = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("incidents[0].id", paths);
        Assert.Contains("incidents[1].priority", paths);
        Assert.Contains("incidents[2].id", paths);
        Assert.Contains("timeLimitMs", paths);
    }

    [Fact]
    public async Task Post_TooManyIncidents_Is413()
    {
        await using var silo = new SiloHarness(MemoryOptions()).Start();
        using var client = silo.CreateAdminClient();
        var body = new JsonObject { ["incidents"] = new JsonArray([.. Enumerable.Range(0, 2_001).Select(i => (JsonNode)Incident($"t{i}", 30, 105))]) };

        using var response = await client.PostAsJsonAsync("/v1/dispatch/batch", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static SiloOptions MemoryOptions() => new() { DataDir = SiloHarness.NewTempDir(), Provider = "memory" };

    private static async Task LoadNetworkAsync(HttpClient client)
    {
        using var content = new StringContent(Network, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync("/v1/network", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Incident(string id, double lat, double lon, string fault = "stuck") => new()
    {
        ["id"] = id,
        ["location"] = new JsonObject { ["lat"] = lat, ["lon"] = lon },
        ["reportedAt"] = "2026-11-23T04:00:00Z",
        ["fault"] = fault,
        ["vehicle"] = new JsonObject { ["powertrain"] = "ice", ["tireSpec"] = "A" },
        ["priority"] = "p2",
    };

    private static async Task<JsonElement> PostBatchAsync(HttpClient client, bool commit, params JsonObject[] incidents)
    {
        var body = new JsonObject { ["incidents"] = new JsonArray([.. incidents]), ["commit"] = commit, ["timeLimitMs"] = 30_000 };
        using var response = await client.PostAsJsonAsync("/v1/dispatch/batch", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Resources(JsonElement network) =>
        network.GetProperty("centers").EnumerateArray().SelectMany(c => c.GetProperty("resources").EnumerateArray());

    private static JsonElement Stock(JsonElement network, string centerId, string sku) =>
        network.GetProperty("centers").EnumerateArray().Single(c => c.GetProperty("id").GetString() == centerId).GetProperty("stock").GetProperty(sku);
}
