using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Console.Tests;

/// <summary>The agent's console on a real silo: log in, the Changtang incident, dispatch to completion, a wrong key.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class AgentConsoleTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task LogIn_AgentKey_ShowsTheAgentViewAndNotThePlanners()
    {
        var page = await fixture.OpenConsoleAsync();
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Expect(page.Locator("#map")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "01-login");

        await ConsolePages.LogInAndWaitAsync(page, fixture.AgentKey, "agent");

        await Expect(page.Locator("#tab-agent")).ToBeVisibleAsync();
        await Expect(page.Locator("#tab-planner")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Latitude (°N)")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "02-agent-logged-in");
    }

    [Fact]
    public async Task LogIn_WrongKey_RefusedWithTheApisProblemMessage()
    {
        var page = await fixture.OpenConsoleAsync();

        await ConsolePages.LogInAsync(page, "not-a-key-" + Guid.NewGuid().ToString("N"));

        await Expect(page.Locator("#api-key-error")).ToContainTextAsync("A valid API key is required");
        await Expect(page.GetByLabel("API key")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#role")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('dispatch.apiKey')"));
        await Screenshots.SaveAsync(page, "05-wrong-key");
    }

    [Fact]
    public async Task Recommend_ChangtangIncident_PartnerRecommendedAndOwnTowTrucksBarredByTheRule()
    {
        var page = await fixture.OpenConsoleAsync();
        await ConsolePages.LogInAndWaitAsync(page, fixture.AgentKey, "agent");

        await EnterChangtangIncidentAsync(page);

        var recommended = page.Locator("#options tbody tr.recommended");
        await Expect(recommended).ToHaveCountAsync(1);
        await Expect(recommended.Locator(".kind-partner")).ToHaveTextAsync("partner");
        await Expect(recommended).ToContainTextAsync("flatbed");
        var barred = page.Locator("#excluded details[data-reason='partner_only:changtang-reserve']");
        await Expect(barred.Locator("summary")).ToContainTextAsync("barred: Changtang reserve is partner-only for tow trucks");
        await barred.Locator("summary").ClickAsync();
        // Own (direct) centers' ids start with "c-", partners' with "p-": every unit of this group is an own one.
        var units = await barred.Locator("ul li:not(.meta)").AllInnerTextsAsync();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Contains("(c-", u, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "03-agent-recommendation");
    }

    [Fact]
    public async Task Dispatch_ThenComplete_FollowsTheCaseToCompletion()
    {
        var page = await fixture.OpenConsoleAsync();
        await ConsolePages.LogInAndWaitAsync(page, fixture.AgentKey, "agent");
        await EnterChangtangIncidentAsync(page);
        var chosen = await page.Locator("#options tbody tr.recommended").GetAttributeAsync("data-resource");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open case and dispatch" }).ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("dispatched");
        await page.GetByRole(AriaRole.Button, new() { Name = "En route" }).ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("enroute");
        await Screenshots.SaveAsync(page, "04a-agent-dispatched");
        await page.GetByRole(AriaRole.Button, new() { Name = "Completed" }).ClickAsync();

        await Expect(page.Locator("#case-status")).ToHaveTextAsync("completed");
        await Expect(page.Locator("#timeline li[data-type='completed']")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel case" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "04b-agent-completed");

        // The silo agrees: the case is completed with the unit the agent chose.
        var caseId = (await page.Locator(".case h2").InnerTextAsync()).Replace("Case ", "", StringComparison.Ordinal).Trim();
        using var admin = fixture.Silo.CreateAdminClient();
        using var stored = await admin.GetFromJsonAsync<JsonDocument>($"v1/incidents/{Uri.EscapeDataString(caseId)}");
        Assert.Equal("completed", stored!.RootElement.GetProperty("status").GetString());
        Assert.Equal(chosen, stored.RootElement.GetProperty("assignment").GetProperty("resourceId").GetString());
    }

    private static async Task EnterChangtangIncidentAsync(IPage page)
    {
        await page.GetByLabel("Latitude (°N)").FillAsync("33.5");
        await page.GetByLabel("Longitude (°E)").FillAsync("86.0");
        await page.GetByLabel("Fault").SelectOptionAsync("flat_tire");
        await page.GetByLabel("Powertrain").SelectOptionAsync("erev");
        await page.GetByLabel("Tyre size").FillAsync("255/45R20");
        await page.GetByLabel("Priority").SelectOptionAsync("p2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await Expect(page.Locator("#options")).ToBeVisibleAsync();
    }
}
