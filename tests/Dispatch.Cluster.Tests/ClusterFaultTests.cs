using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace Dispatch.Cluster.Tests;

/// <summary>Three silo processes on one PostgreSQL, load running: a silo killed, the database stopped, a network
/// replace failing midway, and the ports a silo opens (docs/cluster.md). Correctness is asserted, never speed; the
/// times measured are printed for bench/README.md.</summary>
public sealed class ClusterFaultTests(ThreeSiloCluster cluster, ITestOutputHelper output) : IClassFixture<ThreeSiloCluster>
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [ClusterFact]
    public async Task Ports_EverySilo_ListensOnLoopbackOnlyAndOpensNoGateway()
    {
        await cluster.EnsureRunningAsync();
        for (var i = 0; i < ThreeSiloCluster.Size; i++)
        {
            var listening = ListeningSockets.Of(cluster.Silos[i].ProcessId);
            var httpPort = cluster.Silos[i].Address.Port;

            // The API and the silo-to-silo port, nothing else: no gateway (30000 or any other).
            Assert.Equal(new[] { httpPort, cluster.SiloPorts[i] }.Order(), listening.Select(l => l.Port).Distinct().Order());
            Assert.All(listening, l => Assert.True(System.Net.IPAddress.IsLoopback(l.Address), $"silo {i} listens on {l.Address}:{l.Port}"));
        }
    }

    [ClusterFact]
    public async Task KillNine_OneSiloUnderLoad_SurvivorsServeEveryAnsweredDispatchAndHoldsStayConsistent()
    {
        const int victim = 2;
        await cluster.EnsureRunningAsync();
        try
        {
            await WithSiloLogsAsync(() => KillOneSiloUnderLoadAsync(victim));
        }
        finally
        {
            await ThreeSiloCluster.DisposeSiloAsync(cluster.Silos[victim]);
            await cluster.StartSiloAsync(victim);
        }
    }

    /// <summary>Runs a test's body; a failure carries the silos' warnings and errors with it, since CI shows only the
    /// end of the output and the logs stay on its machine.</summary>
    private async Task WithSiloLogsAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nSilo log warnings and errors:\n{cluster.LogProblems()}", failure);
        }
    }

    private async Task KillOneSiloUnderLoadAsync(int victim)
    {
        await using (var load = new DispatchLoad(cluster))
        {
            await load.WaitForAsync(l => l.Created >= 10, Generous);
            var killedAt = load.Clock.Elapsed;
            await cluster.Silos[victim].KillAsync();
            load.MarkDown(victim);

            // Recovery: the first dispatch that a survivor answers 201, among requests sent after the kill.
            await load.WaitForAsync(l => l.Calls.Any(c => c.Status == 201 && c.StartedAt > killedAt), Generous);
            var first = load.Calls.Where(c => c.Status == 201 && c.StartedAt > killedAt).Min(c => c.StartedAt + c.Took);
            Report($"kill -9 -> first successful dispatch through a survivor: {(first - killedAt).TotalSeconds:0.0} s");
            await load.WaitForAsync(l => l.Calls.Count(c => c.Status == 201 && c.StartedAt > killedAt) >= 10, Generous);
            await load.StopAsync();

            Assert.DoesNotContain(load.Calls, c => c.Silo != victim && c.Status == 500);
            var answered = load.Calls.Where(c => c.Status == 201).Select(c => c.IncidentId).ToList();
            foreach (var survivor in new[] { 0, 1 })
            {
                using var client = cluster.Client(survivor);
                foreach (var id in answered)
                {
                    using var view = await ClusterState.GetJsonAsync(client, $"v1/incidents/{id}");
                    Assert.Equal(id, view!.RootElement.GetProperty("id").GetString());
                }
            }

            Report($"kill test: {load.Calls.Count} requests, {answered.Count} answered 201, {load.Calls.Count(c => c.Status == 0)} unanswered (in flight at the kill)");
        }

        // Holds made but not recorded (the silo died between the center and the case) are repaired by the reconciler.
        await ClusterState.AssertConsistentAsync(cluster, 0, Generous);
    }

    [ClusterFact]
    public async Task StopPostgres_TenSecondsUnderLoad_FailsFastWith503ThenRecoversAndNothingIsHalfWritten()
    {
        await cluster.EnsureRunningAsync();
        await using (var load = new DispatchLoad(cluster))
        {
            await load.WaitForAsync(l => l.Created >= 5, Generous);
            var stoppedAt = load.Clock.Elapsed;
            await cluster.Postgres.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            var restartedAt = load.Clock.Elapsed;
            await cluster.Postgres.StartAsync();

            await load.WaitForAsync(l => l.Calls.Any(c => c.Status == 201 && c.StartedAt > restartedAt), Generous);
            var back = load.Calls.Where(c => c.Status == 201 && c.StartedAt > restartedAt).Min(c => c.StartedAt + c.Took);
            await load.StopAsync();

            var during = load.Calls.Where(c => c.StartedAt >= stoppedAt && c.StartedAt < restartedAt).ToList();
            Report($"PostgreSQL stopped 10 s: {during.Count} requests during the outage: " +
                string.Join(", ", during.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}")) +
                $"; slowest {during.Select(c => c.Took.TotalSeconds).DefaultIfEmpty().Max():0.0} s; first 201 {(back - restartedAt).TotalSeconds:0.0} s after the restart");

            Assert.Contains(during, c => c.Status == 503);
            Assert.All(load.Calls, c => Assert.True(c.Status is 201 or 503 or 409 or 422, $"{c.IncidentId} answered {c.Status}"));
            Assert.All(load.Calls.Where(c => c.Status == 503), c => Assert.True(c.RetryAfter && c.Problem, $"{c.IncidentId}: 503 without Retry-After or problem details"));
            Assert.All(load.Calls, c => Assert.True(c.Took < TimeSpan.FromSeconds(30), $"{c.IncidentId} took {c.Took.TotalSeconds:0.0} s"));
        }

        await ClusterState.AssertConsistentAsync(cluster, 1, Generous);
    }

    [ClusterFact]
    public async Task ReplaceNetwork_CenterWriteFailsMidway_NoSiloServesTheOldIndexAndDecisionsWaitForEveryCenter()
    {
        await cluster.EnsureRunningAsync();
        using var admin = cluster.Client(0);
        using var current = await ClusterState.GetJsonAsync(admin, "v1/network");
        var document = JsonNode.Parse(current!.RootElement.GetRawText())!;
        var van = document["centers"]![0]!["resources"]!.AsArray().First(r => (string?)r!["status"] == "available" && ((string)r!["id"]!).Contains("van", StringComparison.Ordinal))!;
        var vanId = (string)van["id"]!;
        van["status"] = "offline";

        await using var connection = new NpgsqlConnection(cluster.Postgres.ConnectionString);
        await connection.OpenAsync();
        var failing = ThreeSiloCluster.CenterIds[^1];
        await ExecuteAsync(connection, $"""
            CREATE OR REPLACE FUNCTION dispatch_test_fail_center() RETURNS trigger AS $$
            BEGIN
              IF NEW.grain_id_ext = '{failing}' THEN
                RAISE EXCEPTION 'simulated storage failure' USING ERRCODE = '53100';
              END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER dispatch_test_fail_center BEFORE INSERT OR UPDATE ON dispatch_grain_state
              FOR EACH ROW EXECUTE FUNCTION dispatch_test_fail_center();
            """);
        try
        {
            var (status, retryAfter, _, body) = await DispatchLoad.SendAsync(admin, HttpMethod.Put, "v1/network", document.ToJsonString());
            Assert.True(status == 503 && retryAfter, $"PUT /v1/network answered {status}: {body}");

            // The document is committed: every silo recommends from the new index, without the van set offline.
            for (var silo = 0; silo < ThreeSiloCluster.Size; silo++)
            {
                using var client = cluster.Client(silo);
                var incident = Dispatch.Solver.Documents.DocumentJson.Write(IncidentBodies.FlatTire(ThreeSiloCluster.Site));
                var (recommended, _, _, answer) = await DispatchLoad.SendAsync(client, HttpMethod.Post, "v1/recommendations?options=all", incident);
                Assert.Equal(200, recommended);
                var options = JsonNode.Parse(answer)!;
                var offered = options["alternatives"]!.AsArray().Append(options["recommendation"]).Select(o => (string?)o?["resourceId"]);
                Assert.DoesNotContain(vanId, offered);
            }

            // No decision while a center lacks the new configuration: a dispatch fails fast instead.
            var id = "inc-" + Guid.NewGuid().ToString("N")[..12];
            cluster.Incidents[id] = true;
            var blocked = await DispatchLoad.SendAsync(admin, HttpMethod.Post, "v1/incidents",
                Dispatch.Solver.Documents.DocumentJson.Write(IncidentBodies.FlatTire(ThreeSiloCluster.Site, id) with { AutoDispatch = true }));
            Assert.Equal(503, blocked.Status);
        }
        finally
        {
            await ExecuteAsync(connection, "DROP TRIGGER dispatch_test_fail_center ON dispatch_grain_state; DROP FUNCTION dispatch_test_fail_center();");
        }

        // Once storage takes the write again, the center is configured (by the retry timer or the next decision).
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var id = "inc-" + Guid.NewGuid().ToString("N")[..12];
            cluster.Incidents[id] = true;
            var (status, _, _, body) = await DispatchLoad.SendAsync(admin, HttpMethod.Post, "v1/incidents",
                Dispatch.Solver.Documents.DocumentJson.Write(IncidentBodies.FlatTire(ThreeSiloCluster.Site, id) with { AutoDispatch = true }));
            if (status == 201)
            {
                Assert.DoesNotContain(vanId, body, StringComparison.Ordinal);
                break;
            }

            Assert.True(status == 503 && stopwatch.Elapsed < Generous, $"dispatch answered {status} after the fault was gone: {body}");
            await Task.Delay(500);
        }

        await ClusterState.AssertConsistentAsync(cluster, 0, Generous);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[cluster] " + line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "dispatch-cluster-report.txt"),
            DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) + " " + line + Environment.NewLine);
    }
}
