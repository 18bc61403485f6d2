using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Grains.Centers;

namespace Dispatch.Silo.Tests;

/// <summary>POST /v1/dispatch/batch on a real silo: what a committed batch reports is what the centers hold, and a
/// single dispatch racing a batch never books a unit twice.</summary>
/// <remarks>One silo for the class (<see cref="BatchSiloFixture"/>). Tests stay apart by site: each works on a copy of
/// the network of its own (<see cref="Site"/>), far enough east of the others that no unit of one can serve another's
/// incidents, and on incident ids of its own.</remarks>
public sealed class BatchDispatchTests(BatchDispatchTests.BatchSiloFixture fixture) : IClassFixture<BatchDispatchTests.BatchSiloFixture>
{
    // A site: a 2 x 2 degree region around (30, 105), one center with four tow trucks, two service vans and one tyre.
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
        var site = Site.Commit;
        using var client = fixture.Silo.Admin();

        var answer = await PostBatchAsync(client, commit: true,
            site.Incident("b1", 30.0, 105.0), site.Incident("b2", 30.1, 105.0), site.Incident("b3", 29.9, 105.0),
            site.Incident("b4", 30.0, 105.1, "flat_tire"), site.Incident("b5", 30.05, 105.0, "flat_tire"));

        Assert.True(answer.GetProperty("committed").GetBoolean());
        var assignments = answer.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(5, assignments.Count + answer.GetProperty("unassigned").GetArrayLength());
        Assert.NotEmpty(assignments);
        var network = await client.GetFromJsonAsync<JsonElement>("/v1/network");
        var statuses = Resources(network, site.Center).ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("status").GetString());
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
        Assert.Equal(tyres, Stock(network, site.Center, "TIRE-A").GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Commit_WhenACenterRefusesAUnitTheIndexThoughtFree_ResolvesAndBooksNothingTwice()
    {
        var site = Site.Refused;
        using var client = fixture.Silo.Admin();

        // Taken behind the dispatcher's back: its index still shows fb1 (the nearest) as free.
        var ghost = await fixture.Silo.Grains.GetGrain<IServiceCenterGrain>(site.Center).ReserveAsync(new ReserveRequest("ghost", site.Unit("fb1"), "tow", null, 0));
        Assert.Equal(ReserveStatus.Reserved, ghost.Status);

        var answer = await PostBatchAsync(client, commit: true, site.Incident("r1", 30.0, 105.0), site.Incident("r2", 30.1, 105.0));

        Assert.True(answer.GetProperty("resolved").GetInt32() >= 1);
        Assert.False(answer.GetProperty("optimal").GetBoolean());
        Assert.NotEmpty(answer.GetProperty("notes").EnumerateArray());
        var units = answer.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("resourceId").GetString()).ToList();
        Assert.Equal(2, units.Count);
        Assert.DoesNotContain(site.Unit("fb1"), units);
        Assert.Equal(units.Count, units.Distinct().Count());
    }

    [Fact]
    public async Task Commit_RacingSingleDispatches_NeverDoubleBooksAUnitOrAPart()
    {
        var site = Site.Racing;
        using var client = fixture.Silo.Admin();

        // Eight calls for six units and one tyre: a batch of five and three single dispatches at the same time.
        var batch = PostBatchAsync(client, commit: true,
            site.Incident("m1", 30.0, 105.0), site.Incident("m2", 30.1, 105.0), site.Incident("m3", 29.9, 105.0, "flat_tire"),
            site.Incident("m4", 30.2, 105.1), site.Incident("m5", 30.0, 104.9, "flat_tire"));
        var singles = new[] { site.Incident("s1", 30.0, 105.0, "flat_tire"), site.Incident("s2", 30.1, 105.1), site.Incident("s3", 29.95, 105.0) }
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
        var assigned = Resources(network, site.Center).Where(r => r.GetProperty("status").GetString() == "assigned").Select(r => r.GetProperty("id").GetString()!);
        Assert.Equal(holders.Keys.Order(StringComparer.Ordinal), assigned.Order(StringComparer.Ordinal));
        Assert.True(tyres <= 1);
        Assert.Equal(tyres, Stock(network, site.Center, "TIRE-A").GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Preview_WithoutCommit_ChangesNothing()
    {
        var site = Site.Preview;
        using var client = fixture.Silo.Admin();
        var before = await client.GetStringAsync("/v1/network");

        var answer = await PostBatchAsync(client, commit: false, site.Incident("p1", 30.0, 105.0), site.Incident("p2", 30.1, 105.0));

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
        using var client = fixture.Silo.Admin();
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
        using var client = fixture.Silo.Admin();
        var body = new JsonObject { ["incidents"] = new JsonArray([.. Enumerable.Range(0, 2_001).Select(i => (JsonNode)Incident($"t{i}", 30, 105))]) };

        using var response = await client.PostAsJsonAsync("/v1/dispatch/batch", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_CommitOverTheCommitCap_Is413AndOpensNoCase()
    {
        using var client = fixture.Silo.Admin();
        var count = new Dispatch.Silo.Hosting.BodyLimitOptions().BatchCommitIncidents + 1;
        var body = new JsonObject
        {
            ["incidents"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)Incident($"cap{i}", 30, 105))]),
            ["commit"] = true,
        };

        using var response = await client.PostAsJsonAsync("/v1/dispatch/batch", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains((count - 1).ToString(CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var first = await client.GetAsync("/v1/incidents/cap0");
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
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

    private static IEnumerable<JsonElement> Resources(JsonElement network, string centerId) =>
        network.GetProperty("centers").EnumerateArray().Where(c => c.GetProperty("id").GetString() == centerId).SelectMany(c => c.GetProperty("resources").EnumerateArray());

    private static JsonElement Stock(JsonElement network, string centerId, string sku) =>
        network.GetProperty("centers").EnumerateArray().Single(c => c.GetProperty("id").GetString() == centerId).GetProperty("stock").GetProperty(sku);

    /// <summary>The place of one test: the network above moved <see cref="Index"/> times 5 degrees east (about 480 km
    /// at latitude 30, against a service radius of 200 km), with ids prefixed by <see cref="Name"/>. A move along the
    /// parallel keeps every distance, so the answers are those of the network where it stands.</summary>
    public sealed record Site(string Name, int Index)
    {
        public static readonly Site Commit = new("commit", 0);
        public static readonly Site Refused = new("refused", 1);
        public static readonly Site Racing = new("racing", 2);
        public static readonly Site Preview = new("preview", 3);

        public static IReadOnlyList<Site> All { get; } = [Commit, Refused, Racing, Preview];

        private double LonOffset => Index * 5.0;

        public string Center => Unit("c1");

        public string Unit(string id) => Name + "-" + id;

        public JsonObject Incident(string id, double lat, double lon, string fault = "stuck") =>
            BatchDispatchTests.Incident(id, lat, lon + LonOffset, fault);

        /// <summary>The network's one region, center and demand point, moved and renamed for this site.</summary>
        public (JsonNode Region, JsonNode Center, JsonNode DemandPoint) Parts()
        {
            var network = JsonNode.Parse(Network)!;
            var region = network["regions"]![0]!.DeepClone();
            region["code"] = "R" + (Index + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var point in region["geometry"]!["coordinates"]![0]!.AsArray())
            {
                point![0] = point[0]!.GetValue<double>() + LonOffset;
            }

            var center = network["centers"]![0]!.DeepClone();
            center["id"] = Center;
            Move(center["location"]!);
            foreach (var resource in center["resources"]!.AsArray())
            {
                resource!["id"] = Unit(resource["id"]!.GetValue<string>());
                if (resource["position"] is { } position)
                {
                    Move(position);
                }
            }

            var demandPoint = network["demandPoints"]![0]!.DeepClone();
            demandPoint["id"] = Unit(demandPoint["id"]!.GetValue<string>());
            Move(demandPoint["location"]!);
            return (region, center, demandPoint);
        }

        private void Move(JsonNode location) => location["lon"] = location["lon"]!.GetValue<double>() + LonOffset;
    }

    /// <summary>One memory-storage silo for the class, loaded with every <see cref="Site"/>.</summary>
    public sealed class BatchSiloFixture : IAsyncLifetime
    {
        public SiloHarness Silo { get; } = TestSilo.New(new SiloOptions { DataDir = SiloHarness.NewTempDir(), Provider = "memory" });

        public async Task InitializeAsync()
        {
            Silo.Start();
            var network = JsonNode.Parse(Network)!;
            var parts = Site.All.Select(s => s.Parts()).ToList();
            network["regions"] = new JsonArray([.. parts.Select(p => p.Region)]);
            network["centers"] = new JsonArray([.. parts.Select(p => p.Center)]);
            network["demandPoints"] = new JsonArray([.. parts.Select(p => p.DemandPoint)]);
            using var client = Silo.Admin();
            using var content = new StringContent(network.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PutAsync("/v1/network", content);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task DisposeAsync()
        {
            await Silo.DisposeAsync();
            try
            {
                Directory.Delete(Silo.DataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp directory left behind is harmless.
            }
        }
    }
}
