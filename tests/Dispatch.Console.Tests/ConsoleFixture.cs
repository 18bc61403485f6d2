using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Dispatch.Console.Tests;

/// <summary>One real silo on the demo network and one headless chromium for a test class, with an agent key and a
/// planner key made through the API as an admin would.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private SiloProcess? _silo;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");
    public string AdminKey { get; private set; } = "";
    public string AgentKey { get; private set; } = "";
    public string PlannerKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _silo = SiloBuild.Start();
        AdminKey = await _silo.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        using var admin = _silo.CreateAdminClient();
        AgentKey = await CreateKeyAsync(admin, "console agent", "agent");
        PlannerKey = await CreateKeyAsync(admin, "console planner", "planner");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            // Containers give /dev/shm little room and often run as root, where chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh page (its own session storage) on a laptop-sized window, at the console.</summary>
    public async Task<IPage> OpenConsoleAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            BaseURL = Silo.Address.ToString(),
        });
        // Generous: the machine running the tests may be busy, and nothing here measures speed.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string name, string role)
    {
        using var response = await admin.PostAsJsonAsync("v1/admin/keys", new { name, role });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedKey>();
        return created?.Key ?? throw new InvalidOperationException("The silo answered no key.");
    }

    private sealed record CreatedKey(string Key);
}

/// <summary>The console tests run one class at a time: each starts a silo process and a browser.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
