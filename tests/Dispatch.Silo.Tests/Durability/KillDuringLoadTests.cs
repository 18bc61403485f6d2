using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dispatch.Silo.Tests.Durability;

/// <summary>A 201 means the case and its hold are stored: the silo is SIGKILLed while creates with automatic dispatch
/// are in flight, right after some were answered, and everything answered must be there after a restart.</summary>
[Collection(nameof(KillDuringLoadTests))]
[CollectionDefinition(nameof(KillDuringLoadTests), DisableParallelization = true)]
public sealed class KillDuringLoadTests : IDisposable
{
    private const int Clients = 12;
    private const int AnsweredBeforeKill = 40;

    private static readonly string[] Faults = ["battery", "breakdown", "lockout", "flat_tire", "out_of_charge"];

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("dispatch-kill9-").FullName;

    [Fact]
    public async Task Kill9_WhileCreatesWithAutoDispatchAreInFlight_EveryAnsweredCaseAndHoldSurvives()
    {
        var answered = new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal);
        await using (var silo = SiloBuild.StartOn(dataDirectory))
        {
            await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            using var http = silo.CreateAdminClient();
            var network = (await http.GetFromJsonAsync<JsonObject>("v1/network"))!;
            var points = network["demandPoints"]!.AsArray().Select(d => d!["location"]!).ToArray();
            var tireSpecs = network["centers"]!.AsArray()
                .SelectMany(c => c!["stock"] is JsonObject stock ? stock.Select(s => s.Key) : [])
                .Where(sku => sku.StartsWith("TIRE-", StringComparison.Ordinal))
                .Select(sku => sku["TIRE-".Length..])
                .Distinct()
                .ToArray();

            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                var random = new Random(client);
                for (var n = 0; !killed.Task.IsCompleted && !stop.IsCancellationRequested; n++)
                {
                    var id = $"kill9-{client}-{n}";
                    var body = Incident(id, points[random.Next(points.Length)]!, Faults[random.Next(Faults.Length)], tireSpecs, random);
                    try
                    {
                        using var response = await http.PostAsJsonAsync("v1/incidents", body, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created
                            && (await response.Content.ReadFromJsonAsync<JsonObject>(stop.Token)) is { } created
                            && created["assignment"] is JsonObject)
                        {
                            answered[id] = created;
                            if (answered.Count >= AnsweredBeforeKill)
                            {
                                killed.TrySetResult();
                            }
                        }
                    }
                    catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException or IOException)
                    {
                        // The silo is gone: whatever had no answer promised nothing.
                        return;
                    }
                }
            })).ToArray();

            await Task.WhenAny(killed.Task, Task.Delay(TimeSpan.FromMinutes(2)));
            Assert.True(killed.Task.IsCompleted, $"only {answered.Count} creates were dispatched in two minutes:\n{silo.LogTail()}");
            await silo.KillAsync();
            await Task.WhenAll(clients);
        }

        Assert.True(answered.Count >= AnsweredBeforeKill);
        await using var restarted = SiloBuild.StartOn(dataDirectory);
        await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var after = restarted.CreateAdminClient();
        var lost = new List<string>();
        foreach (var (id, created) in answered)
        {
            using var response = await after.GetAsync($"v1/incidents/{id}");
            var stored = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            if (stored is null)
            {
                lost.Add($"{id}: {(int)response.StatusCode}");
                continue;
            }

            var expected = created["assignment"]!;
            var actual = stored["assignment"];
            if (stored["status"]!.GetValue<string>() != "dispatched" || actual is null
                || actual["resourceId"]!.GetValue<string>() != expected["resourceId"]!.GetValue<string>())
            {
                lost.Add($"{id}: stored as {stored["status"]} with {actual?.ToJsonString() ?? "no assignment"}, answered {expected.ToJsonString()}");
            }
        }

        Assert.True(lost.Count == 0, $"{lost.Count} of {answered.Count} answered cases lost or changed:\n{string.Join('\n', lost)}");
        await AssertHoldsAsync(after, answered);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's clean-up.
        }
    }

    // Every answered hold is in the centers' live state (unit assigned, part reserved), and no unit serves two open cases.
    private static async Task AssertHoldsAsync(HttpClient http, IReadOnlyDictionary<string, JsonObject> answered)
    {
        var network = (await http.GetFromJsonAsync<JsonObject>("v1/network"))!;
        var units = network["centers"]!.AsArray()
            .SelectMany(c => c!["resources"]!.AsArray().Select(r => (Center: c["id"]!.GetValue<string>(), Id: r!["id"]!.GetValue<string>(), Status: r["status"]!.GetValue<string>())))
            .ToDictionary(u => u.Id, StringComparer.Ordinal);
        var reserved = network["centers"]!.AsArray()
            .SelectMany(c => c!["stock"] is JsonObject stock
                ? stock.Select(s => (Key: $"{c["id"]}/{s.Key}", Reserved: s.Value!["reserved"]!.GetValue<int>()))
                : [])
            .ToDictionary(s => s.Key, s => s.Reserved, StringComparer.Ordinal);

        var open = await http.GetFromJsonAsync<JsonObject>("v1/incidents?status=active&limit=1000");
        var cases = open!["items"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var holders = cases.Where(c => c["assignment"] is JsonObject)
            .GroupBy(c => c["assignment"]!["resourceId"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToList();
        var doubled = holders.Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c["id"]))}").ToList();
        Assert.True(doubled.Count == 0, "units in two open cases:\n" + string.Join('\n', doubled));

        foreach (var (id, created) in answered)
        {
            var assignment = created["assignment"]!;
            var unit = units[assignment["resourceId"]!.GetValue<string>()];
            Assert.True(unit.Status == "assigned", $"{id}: unit {unit.Id} is {unit.Status} after the restart");
            Assert.Equal(assignment["centerId"]!.GetValue<string>(), unit.Center);
            Assert.Contains(cases, c => c["id"]!.GetValue<string>() == id);
        }

        // Each part's reserved count covers the open cases that hold it there: none lost. (It may be higher: a hold whose
        // case write the kill cut off stays until a retry of that create adopts it; docs/architecture.md.)
        var holding = cases.Where(c => c["assignment"] is JsonObject a && a["part"] is JsonValue)
            .GroupBy(c => $"{c["assignment"]!["centerId"]}/{c["assignment"]!["part"]}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (key, count) in holding)
        {
            Assert.True(reserved.GetValueOrDefault(key) >= count, $"{key}: reserved {reserved.GetValueOrDefault(key)}, held by {count} open cases");
        }
    }

    private static JsonObject Incident(string id, JsonNode location, string fault, string[] tireSpecs, Random random) => new()
    {
        ["id"] = id,
        ["location"] = location.DeepClone(),
        ["fault"] = fault,
        ["vehicle"] = new JsonObject
        {
            ["model"] = "Aurora S",
            ["powertrain"] = fault == "out_of_charge" ? "bev" : "ice",
            ["tireSpec"] = tireSpecs.Length > 0 ? tireSpecs[random.Next(tireSpecs.Length)] : null,
        },
        ["priority"] = "p2",
        ["onExpressway"] = false,
        ["customer"] = new JsonObject { ["name"] = "Kill Test", ["phone"] = "13800000000" },
        ["autoDispatch"] = true,
    };
}
