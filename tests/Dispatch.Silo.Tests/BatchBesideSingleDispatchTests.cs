using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Silo.Tests.Harness;

namespace Dispatch.Silo.Tests;

/// <summary>A long batch solve on the demo network must not hold up single dispatch: the batch is solved outside the
/// dispatcher's turn, so singles sent while it solves are decided and reserved before any of the batch is.</summary>
public sealed class BatchBesideSingleDispatchTests
{
    private const int BatchSize = 1_500;
    private const int Singles = 20;

    [Fact]
    public async Task Commit_LongSolveBesideSingleDispatches_SinglesReserveFirstAndNothingIsDoubleBooked()
    {
        await using var silo = new SiloHarness(new SiloOptions { DataDir = SiloHarness.NewTempDir(), Provider = "memory" });
        // A solve long enough to send singles beside needs a committed batch above the default cap.
        silo.Settings[Dispatch.Silo.Hosting.BodyLimitOptions.BatchCommitSetting] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        silo.Start();
        using var client = silo.Admin();
        client.Timeout = TimeSpan.FromMinutes(10);
        var network = await client.GetFromJsonAsync<JsonElement>("/v1/network");

        // The batch covers the east of the demo network; the singles happen in the far west, around Lhasa and
        // Urumqi, so they never take a unit the batch planned (a refusal would only cost a re-solve).
        var random = new Random(13);
        var east = network.GetProperty("demandPoints").EnumerateArray()
            .Select(p => p.GetProperty("location"))
            .Where(l => l.GetProperty("lon").GetDouble() > 105)
            .ToList();
        var incidents = Enumerable.Range(0, BatchSize).Select(i =>
        {
            var at = east[random.Next(east.Count)];
            return Incident($"surge-{i:D4}", at.GetProperty("lat").GetDouble() + random.NextDouble() * 0.02,
                at.GetProperty("lon").GetDouble() + random.NextDouble() * 0.02, i % 3 == 0 ? "breakdown" : "stuck", i % 4 == 0 ? "p1" : "p3");
        }).ToList();
        var batch = PostBatchAsync(client, incidents, timeLimitMs: 20_000);

        // Once the batch's last case is open, its snapshot is taken and the solve runs.
        await WaitForCaseAsync(client, incidents[^1]["id"]!.GetValue<string>(), batch);
        var singleIds = new List<string>();
        for (var i = 0; i < Singles; i++)
        {
            var (lat, lon) = i % 2 == 0 ? (29.65, 91.1) : (43.8, 87.6);
            var body = Incident($"single-{i:D2}", lat + (i * 0.003), lon + 0.01, "breakdown", "p2");
            body["autoDispatch"] = true;
            using var response = await client.PostAsJsonAsync("/v1/incidents", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"single {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            singleIds.Add(body["id"]!.GetValue<string>());
        }

        Assert.False(batch.IsCompleted, "the batch answered before the single dispatches sent while it solved");
        var answer = await batch;

        var singleCases = await Task.WhenAll(singleIds.Select(id => client.GetFromJsonAsync<JsonElement>($"/v1/incidents/{id}")));
        var assignments = answer.GetProperty("assignments").EnumerateArray().ToList();
        Assert.NotEmpty(assignments);
        var batchCases = await Task.WhenAll(assignments.Select(a => client.GetFromJsonAsync<JsonElement>($"/v1/incidents/{a.GetProperty("incidentId").GetString()}")));

        // Every batch reservation is recorded on its case, and came after every single dispatch's.
        for (var i = 0; i < assignments.Count; i++)
        {
            Assert.Equal("dispatched", batchCases[i].GetProperty("status").GetString());
            Assert.Equal(assignments[i].GetProperty("resourceId").GetString(), batchCases[i].GetProperty("assignment").GetProperty("resourceId").GetString());
        }

        var lastSingle = singleCases.Max(c => DispatchedAt(c));
        var firstBatch = batchCases.Min(c => DispatchedAt(c));
        Assert.True(lastSingle < firstBatch, $"a batch reservation ({firstBatch:O}) came before a single dispatch ({lastSingle:O})");

        // No unit is held twice, and the network holds exactly the units the cases hold.
        var holders = singleCases.Concat(batchCases).Select(c => c.GetProperty("assignment").GetProperty("resourceId").GetString()!).ToList();
        Assert.Equal(holders.Count, holders.Distinct(StringComparer.Ordinal).Count());
        var after = await client.GetFromJsonAsync<JsonElement>("/v1/network");
        var assigned = after.GetProperty("centers").EnumerateArray().SelectMany(c => c.GetProperty("resources").EnumerateArray())
            .Where(r => r.GetProperty("status").GetString() == "assigned").Select(r => r.GetProperty("id").GetString()!);
        Assert.Equal(holders.Order(StringComparer.Ordinal), assigned.Order(StringComparer.Ordinal));
    }

    private static DateTimeOffset DispatchedAt(JsonElement found) =>
        found.GetProperty("assignment").GetProperty("dispatchedAt").GetDateTimeOffset();

    private static async Task WaitForCaseAsync(HttpClient client, string id, Task batch)
    {
        while (!batch.IsCompleted)
        {
            using var response = await client.GetAsync($"/v1/incidents/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private static JsonObject Incident(string id, double lat, double lon, string fault, string priority) => new()
    {
        ["id"] = id,
        ["location"] = new JsonObject { ["lat"] = lat, ["lon"] = lon },
        ["reportedAt"] = "2026-11-23T04:00:00Z",
        ["fault"] = fault,
        ["vehicle"] = new JsonObject { ["powertrain"] = "ice", ["tireSpec"] = "245/50R20" },
        ["priority"] = priority,
    };

    private static async Task<JsonElement> PostBatchAsync(HttpClient client, List<JsonObject> incidents, int timeLimitMs)
    {
        var body = new JsonObject { ["incidents"] = new JsonArray([.. incidents]), ["commit"] = true, ["timeLimitMs"] = timeLimitMs };
        using var response = await client.PostAsJsonAsync("/v1/dispatch/batch", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
