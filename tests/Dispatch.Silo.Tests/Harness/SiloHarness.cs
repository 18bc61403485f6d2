using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Silo.Tests.Harness;

/// <summary>
/// One silo on its own data directory and ports, which a test can stop and start again on the
/// same data (restart tests). Clients carry the admin key read from <c>admin.key</c>.
/// </summary>
public sealed class SiloHarness : IAsyncDisposable
{
    private readonly bool ownsDataDir;
    private SiloFactory? factory;

    public SiloHarness(SiloOptions? options = null)
    {
        if (options is null)
        {
            ownsDataDir = true;
            options = new SiloOptions { DataDir = NewTempDir() };
        }

        Options = options;
    }

    public SiloOptions Options { get; }

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

        var started = new SiloFactory(Options);
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
    public HttpClient CreateAnonymousClient() => Factory.CreateClient();

    public HttpClient CreateClient(string apiKey)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public HttpClient CreateAdminClient() => CreateClient(ReadAdminKey());

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
