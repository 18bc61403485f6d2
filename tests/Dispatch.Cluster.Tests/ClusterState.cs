using System.Text.Json;

namespace Dispatch.Cluster.Tests;

/// <summary>The cluster's state as the API shows it, and the invariants that must hold once the reconciler has had
/// its grace: every unit held once, by an active case that records it; parts reserved as many as those cases use.</summary>
public static class ClusterState
{
    /// <summary>What breaks the invariants now; empty when they hold.</summary>
    public static async Task<List<string>> ProblemsAsync(ThreeSiloCluster cluster, int silo)
    {
        using var client = cluster.Client(silo);
        var problems = new List<string>();
        using var network = await GetJsonAsync(client, "v1/network");
        if (network is null)
        {
            return ["GET /v1/network did not answer 200"];
        }

        var assignedUnits = new HashSet<string>(StringComparer.Ordinal);
        var reserved = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var center in network.RootElement.GetProperty("centers").EnumerateArray())
        {
            var centerId = center.GetProperty("id").GetString()!;
            foreach (var unit in center.GetProperty("resources").EnumerateArray())
            {
                if (unit.GetProperty("status").GetString() == "assigned")
                {
                    assignedUnits.Add(unit.GetProperty("id").GetString()!);
                }
            }

            reserved[centerId] = center.GetProperty("stock").GetProperty(ThreeSiloCluster.Sku).GetProperty("reserved").GetInt32();
        }

        var casesByUnit = new Dictionary<string, string>(StringComparer.Ordinal);
        var partsUsed = new Dictionary<string, int>(StringComparer.Ordinal);
        var reads = await Task.WhenAll(cluster.Incidents.Keys.Select(async id => (Id: id, Case: await GetJsonAsync(client, $"v1/incidents/{id}", allowNotFound: true))));
        foreach (var (id, view) in reads)
        {
            using (view)
            {
                if (view is null || view.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var status = view.RootElement.GetProperty("status").GetString();
                if (status is "completed" or "cancelled" || view.RootElement.GetProperty("assignment") is not { ValueKind: JsonValueKind.Object } assignment)
                {
                    continue;
                }

                var unit = assignment.GetProperty("resourceId").GetString()!;
                if (!casesByUnit.TryAdd(unit, id))
                {
                    problems.Add($"unit {unit} is assigned to {casesByUnit[unit]} and {id}");
                }

                if (assignment.GetProperty("part").GetString() is not null)
                {
                    var center = assignment.GetProperty("centerId").GetString()!;
                    partsUsed[center] = partsUsed.GetValueOrDefault(center) + 1;
                }
            }
        }

        problems.AddRange(assignedUnits.Except(casesByUnit.Keys).Select(u => $"unit {u} is held but no active case records it"));
        problems.AddRange(casesByUnit.Keys.Except(assignedUnits).Select(u => $"unit {u} is recorded by {casesByUnit[u]} but not held"));
        problems.AddRange(reserved.Where(r => r.Value != partsUsed.GetValueOrDefault(r.Key))
            .Select(r => $"center {r.Key} reserves {r.Value} tyres, its active cases use {partsUsed.GetValueOrDefault(r.Key)}"));
        return problems;
    }

    /// <summary>Waits (generously: the reconciler repairs after its grace) until the invariants hold.</summary>
    public static async Task AssertConsistentAsync(ThreeSiloCluster cluster, int silo, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        List<string> problems;
        do
        {
            problems = await ProblemsAsync(cluster, silo);
            if (problems.Count == 0)
            {
                return;
            }

            await Task.Delay(1000);
        }
        while (DateTime.UtcNow < until);

        Assert.Fail("The cluster stayed inconsistent: " + string.Join("; ", problems.Take(20)));
    }

    /// <summary>The answer's JSON when 200 (or null when 404 is allowed); fails on any other status.</summary>
    public static async Task<JsonDocument?> GetJsonAsync(HttpClient client, string path, bool allowNotFound = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(path);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            }

            if (allowNotFound && response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return null;
            }

            // A 503 while the cluster settles is asked again; anything else is an answer.
            if ((int)response.StatusCode != 503 || attempt >= 20)
            {
                Assert.Fail($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(500);
        }
    }
}
