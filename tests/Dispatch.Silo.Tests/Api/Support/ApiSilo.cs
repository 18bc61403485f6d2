using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Silo.Tests.Harness;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>
/// A real silo for the API tests, on its own SQLite data directory and ports, that can be stopped and
/// started again on the same data. Hands out clients with a key of each role.
/// </summary>
public sealed class ApiSilo : IAsyncDisposable
{
    /// <summary>The <c>Dispatch:SeedNetwork</c> value that loads nothing: tests PUT their own network.</summary>
    public const string NoSeed = "none";

    /// <summary>The <c>Dispatch:SeedNetwork</c> value that loads the bundled demo network.</summary>
    public const string DemoNetwork = "";

    private readonly ConcurrentDictionary<string, string> keysByRole = new(StringComparer.Ordinal);
    private readonly string seedNetwork;
    private ApiSiloFactory? factory;

    /// <param name="seedNetwork"><see cref="NoSeed"/>, or empty for the bundled demo network.</param>
    /// <param name="captureLogs">Keep every log entry in <see cref="Logs"/>.</param>
    public ApiSilo(string seedNetwork = NoSeed, bool captureLogs = false)
    {
        this.seedNetwork = seedNetwork;
        Options = new SiloOptions { DataDir = SiloHarness.NewTempDir(), ClusterId = "dispatch-api-test" };
        Logs = captureLogs ? new CapturedLogs() : null;
    }

    public SiloOptions Options { get; }

    /// <summary>More configuration (e.g. <c>Dispatch:Scenarios:MaxRunning</c>), taken at each <see cref="Start"/>, so a
    /// test can restart the silo with other settings on the same data.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public CapturedLogs? Logs { get; }

    public ApiSilo Start()
    {
        if (factory is not null)
        {
            throw new InvalidOperationException("The silo is already running.");
        }

        var started = new ApiSiloFactory(Options, seedNetwork, Logs, new Dictionary<string, string?>(Settings, StringComparer.Ordinal));
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

    public HttpClient Anonymous() => Running.CreateClient();

    public HttpClient Admin() => WithKey(File.ReadAllText(Path.Combine(Options.DataDir, "admin.key")).Trim());

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

    public HttpClient WithKey(string key)
    {
        var client = Running.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Options.DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    private ApiSiloFactory Running => factory ?? throw new InvalidOperationException("The silo is not running.");
}
