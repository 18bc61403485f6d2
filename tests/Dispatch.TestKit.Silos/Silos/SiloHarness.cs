using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.TestKit.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.TestKit.Silos;

/// <summary>
/// One real silo in this process, on its own data directory and ports, which a test can stop and start again on the
/// same data (restart tests). Hands out clients with the admin key read from <c>admin.key</c>, or with a key of a role.
/// </summary>
public sealed class SiloHarness : IAsyncDisposable
{
    /// <summary>The <c>Dispatch:SeedNetwork</c> value that loads nothing: tests PUT their own network.</summary>
    public const string NoSeed = "none";

    /// <summary>The <c>Dispatch:SeedNetwork</c> value that loads the bundled demo network.</summary>
    public const string DemoNetwork = "";

    private readonly ConcurrentDictionary<string, string> keysByRole = new(StringComparer.Ordinal);
    private readonly bool ownsDataDir;
    private readonly SiloLogs logLevel;
    private readonly Action<IServiceCollection>? testServices;
    private SiloFactory? factory;

    /// <param name="options">Where and how; a fresh temporary data directory (removed at the end) when null.</param>
    /// <param name="logs">What <see cref="Logs"/> keeps.</param>
    /// <param name="testServices">Services on top of the real ones (test grains, failing routes).</param>
    public SiloHarness(SiloOptions? options = null, SiloLogs logs = SiloLogs.HostAndDispatch, Action<IServiceCollection>? testServices = null)
    {
        if (options is null)
        {
            ownsDataDir = true;
            options = new SiloOptions { DataDir = NewTempDir() };
        }

        Options = options;
        logLevel = logs;
        Logs = logs == SiloLogs.None ? null : new CapturedLogs();
        this.testServices = testServices;
    }

    /// <summary>A silo for API tests, on a data directory of its own: seeded with nothing (tests PUT their network)
    /// or with the demo network.</summary>
    public static SiloHarness ForApi(string seedNetwork = NoSeed, bool captureLogs = false) => new(
        new SiloOptions { DataDir = NewTempDir(), ClusterId = "dispatch-api-test", SeedNetwork = seedNetwork },
        captureLogs ? SiloLogs.Everything : SiloLogs.None,
        deleteDataDir: true);

    private SiloHarness(SiloOptions options, SiloLogs logs, bool deleteDataDir)
        : this(options, logs)
    {
        ownsDataDir = deleteDataDir;
    }

    public SiloOptions Options { get; }

    /// <summary>More configuration (e.g. <c>Dispatch:Scenarios:MaxRunning</c>), taken at each <see cref="Start"/>, so a
    /// test can restart the silo with other settings on the same data.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Every log entry of every run of this silo, unless made with <see cref="SiloLogs.None"/>.</summary>
    public CapturedLogs? Logs { get; }

    public string DataDir => Options.DataDir;

    public string AdminKeyFile => Path.Combine(DataDir, "admin.key");

    public SiloFactory Factory => factory ?? throw new InvalidOperationException("The silo is not running.");

    public IServiceProvider Services => Factory.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static string NewTempDir()
    {
        var path = Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public SiloHarness Start()
    {
        if (factory is not null)
        {
            throw new InvalidOperationException("The silo is already running.");
        }

        var started = new SiloFactory(Options, new Dictionary<string, string?>(Settings, StringComparer.Ordinal), Logs, logLevel, testServices);
        try
        {
            started.StartServer();
        }
        catch
        {
            started.Dispose();
            throw;
        }

        factory = started;
        return this;
    }

    public async Task StopAsync()
    {
        if (factory is null)
        {
            return;
        }

        var stopping = factory;
        factory = null;
        await stopping.DisposeAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        Start();
    }

    public string ReadAdminKey() => File.ReadAllText(AdminKeyFile).Trim();

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient Admin() => WithKey(ReadAdminKey());

    public Task<HttpClient> AgentAsync() => RoleAsync("agent");

    public Task<HttpClient> PlannerAsync() => RoleAsync("planner");

    /// <summary>A client with a key of the role, made once per silo through <c>POST /v1/admin/keys</c> (keys survive restarts).</summary>
    public async Task<HttpClient> RoleAsync(string role)
    {
        if (!keysByRole.TryGetValue(role, out var key))
        {
            using var admin = Admin();
            using var response = await admin.PostAsJsonAsync("/v1/admin/keys", new { name = role + " (api tests)", role });
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            key = keysByRole.GetOrAdd(role, body.RootElement.GetProperty("key").GetString()!);
        }

        return WithKey(key);
    }

    public HttpClient WithKey(string apiKey)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        // Solves and scenario runs on a loaded machine may outlast the default 100 s.
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (ownsDataDir)
        {
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp directory left behind is harmless.
            }
        }
    }
}
