using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Dispatch.SiloLauncher;
using Dispatch.Solver.Documents;
using Dispatch.TestKit.Silos;

namespace Dispatch.Cluster.Tests;

/// <summary>Three silo processes on one PostgreSQL of their own, with a small network loaded, shared by the tests of
/// <see cref="ClusterFaultTests"/>. A test that kills a silo starts a new one in its place before it ends.</summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public const int Size = 3;
    public const string Sku = TestIncidents.Tyre;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
    private string keysDir = string.Empty;

    public PostgresServer Postgres { get; private set; } = null!;

    public SiloProcess[] Silos { get; } = new SiloProcess[Size];

    /// <summary>The Orleans silo port each silo was told to use.</summary>
    public int[] SiloPorts { get; } = new int[Size];

    public string AdminKey { get; private set; } = string.Empty;

    /// <summary>Every incident id any test sent, answered or not: the checks look at all of them.</summary>
    public ConcurrentDictionary<string, bool> Incidents { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> CenterIds { get; } = ["c-1", "c-2", "c-3", "c-4"];

    /// <summary>Where the test incidents happen: every center serves it.</summary>
    public static GeoPoint Site => Places.MidSouth;

    public async Task InitializeAsync()
    {
        if (PostgresServer.FindBin() is null)
        {
            return;
        }

        Postgres = await PostgresServer.StartNewAsync();
        keysDir = Directory.CreateTempSubdirectory("dispatch-cluster-keys-").FullName;
        await StartSiloAsync(0);
        using (var admin = Client(0))
        {
            using var put = await admin.PutAsync("v1/network", Json(DocumentJson.Write(Network())));
            Assert.True(put.IsSuccessStatusCode, $"PUT /v1/network answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
        }

        await Task.WhenAll(StartSiloAsync(1), StartSiloAsync(2));
    }

    /// <summary>Starts silo <paramref name="index"/> (again) on a fresh data directory, with the cluster's admin key.</summary>
    public async Task StartSiloAsync(int index)
    {
        var dataDir = Directory.CreateTempSubdirectory("dispatch-cluster-silo-").FullName;
        if (AdminKey.Length > 0)
        {
            // The first silo made the key; the others find keys in the shared registry and make none.
            await File.WriteAllTextAsync(Path.Combine(dataDir, "admin.key"), AdminKey);
        }

        SiloPorts[index] = FreePort.Next();
        Silos[index] = SiloProcess.Start(SiloBuild.FindDll(), Settings(SiloPorts[index]), dataDirectory: dataDir);
        var key = await Silos[index].WaitUntilReadyAsync(StartTimeout);
        if (AdminKey.Length == 0)
        {
            AdminKey = key;
        }
    }

    /// <summary>Starts again, in its place, each silo whose process has ended (a test that failed between killing a
    /// silo and restarting it), so that one failure does not become every later test's.</summary>
    public async Task EnsureRunningAsync()
    {
        for (var i = 0; i < Size; i++)
        {
            if (Silos[i] is { HasExited: true } ended)
            {
                await DisposeSiloAsync(ended);
                await StartSiloAsync(i);
            }
        }
    }

    /// <summary>The warnings and errors in every silo's log, the last <paramref name="lines"/> of them, for a failure's
    /// message.</summary>
    public string LogProblems(int lines = 30)
    {
        var found = new List<string>();
        for (var i = 0; i < Size; i++)
        {
            if (Silos[i] is not { } silo || !File.Exists(silo.LogPath))
            {
                continue;
            }

            using var stream = new FileStream(silo.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var log = reader.ReadToEnd().Split('\n');
            found.AddRange(log.Select((line, n) => (line, n))
                .Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal) || l.line.StartsWith("warn:", StringComparison.Ordinal))
                .TakeLast(lines)
                .Select(l => $"silo {i}: {l.line.Trim()} {(l.n + 1 < log.Length ? log[l.n + 1].Trim() : string.Empty)}"));
        }

        return found.Count == 0 ? "(no warnings or errors in the silos' logs)" : string.Join('\n', found.TakeLast(lines));
    }

    /// <summary>Stops a silo (if it still runs) and removes its data, keeping its log in <see cref="LogDirectory"/>
    /// for a failure's diagnosis.</summary>
    public static async Task DisposeSiloAsync(SiloProcess silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await silo.DisposeAsync();
        Directory.CreateDirectory(LogDirectory);
        File.Copy(silo.LogPath, Path.Combine(LogDirectory, Path.GetFileName(silo.DataDirectory) + ".log"), overwrite: true);
        Directory.Delete(silo.DataDirectory, recursive: true);
    }

    /// <summary>Where the silos' logs are kept after the run.</summary>
    public static string LogDirectory => Path.Combine(Path.GetTempPath(), "dispatch-cluster-logs");

    public HttpClient Client(int index)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Silos[index].Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        return http;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos.Where(s => s is not null))
        {
            await DisposeSiloAsync(silo);
        }

        Postgres?.Dispose();
        if (keysDir.Length > 0)
        {
            Directory.Delete(keysDir, recursive: true);
        }
    }

    private Dictionary<string, string> Settings(int siloPort) => new()
    {
        ["Dispatch__Storage__Provider"] = "postgres",
        ["Dispatch__Storage__ConnectionString"] = Postgres.ConnectionString,
        ["Dispatch__Storage__ApplySchema"] = "true",
        ["Dispatch__Orleans__ClusterId"] = clusterId,
        ["Dispatch__Orleans__ServiceId"] = clusterId,
        ["Dispatch__Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
        // One key ring for all: a case sealed on one silo is opened on another.
        ["Dispatch__DataProtection__KeysDir"] = keysDir,
        ["Dispatch__SeedNetwork"] = "none",
        // Short, so that a test sees repairs within its run; the grace still spans any dispatch in flight.
        ["Dispatch__Reconciler__Period"] = "00:00:02",
        ["Dispatch__Reconciler__Grace"] = "00:00:08",
    };

    /// <summary>Four centers north of <see cref="Site"/>, each with six service vans, two flatbeds and tyres.</summary>
    private static NetworkDocument Network()
    {
        var network = NetworkBuilder.Create()
            .RemoveRegion(NetworkBuilder.NorthRegion)
            .NoFaults()
            .Fault("flat_tire", Modes.Onsite(["service_van"], part: "TIRE-{tireSpec}"), Modes.Tow(["flatbed"], penaltyMin: 30));
        for (var c = 0; c < CenterIds.Count; c++)
        {
            var id = CenterIds[c];
            network.Center(id, Places.North(Site, 10 + (15 * c)), center =>
            {
                for (var v = 1; v <= 6; v++)
                {
                    center.Resource($"{id}-van-{v}", "service_van");
                }

                center.Resource($"{id}-fb-1", "flatbed");
                center.Resource($"{id}-fb-2", "flatbed");
                center.Stock(Sku, 500);
            });
        }

        return network.Build();
    }
}
