using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Console.Tests;

/// <summary>The planner's console on a real silo: a small what-if run, compared with its baseline.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PlannerConsoleTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task RunScenario_SmallRun_ShowsScenarioAndBaselineKpis()
    {
        var page = await fixture.OpenConsoleAsync();
        await ConsolePages.LogInAndWaitAsync(page, fixture.PlannerKey, "planner");
        await Expect(page.Locator("#tab-agent")).ToHaveCountAsync(0);
        await Expect(page.Locator("#run-scenario")).ToBeVisibleAsync();

        await page.GetByLabel("Days").FillAsync("1");
        await page.GetByLabel("Calls per day").FillAsync("40");
        await page.GetByLabel("Seed").FillAsync("7");
        await page.GetByLabel("Close centers (Ctrl/Shift to pick several)").SelectOptionAsync(["c-lhasa"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        await Expect(page.Locator("#scenario-status")).ToContainTextAsync("completed", new() { Timeout = 240_000 });
        var cards = page.Locator("#kpi-cards .kpi-card");
        await Expect(cards.First).ToBeVisibleAsync();
        var count = await cards.CountAsync();
        Assert.True(count >= 10, $"{count} KPI cards");
        await Expect(page.Locator("#kpi-cards [data-column='scenario']")).ToHaveCountAsync(count);
        await Expect(page.Locator("#kpi-cards [data-column='baseline']")).ToHaveCountAsync(count);
        await Expect(cards.Filter(new() { HasText = "Incidents" }).First).ToContainTextAsync("scenario");
        await Expect(page.Locator("#map")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("coloured by late share"));
        await page.Locator("#scenario-results").EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await Screenshots.SaveAsync(page, "06-planner-scenario");
    }

    [Fact]
    public async Task RunScenario_InvalidDays_ShowsTheProblemNextToTheField()
    {
        var page = await fixture.OpenConsoleAsync();
        await ConsolePages.LogInAndWaitAsync(page, fixture.PlannerKey, "planner");

        await page.GetByLabel("Days").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        await Expect(page.Locator("#sc-days-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Days")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "07-planner-invalid-days");
    }

    [Fact]
    public async Task Placement_ThreeFlatbeds_ListsTheSitesAndMarksThemOnTheMap()
    {
        var page = await fixture.OpenConsoleAsync();
        await ConsolePages.LogInAndWaitAsync(page, fixture.PlannerKey, "planner");

        await page.GetByLabel("Model").SelectOptionAsync("mclp");
        await page.GetByLabel("Units (k)").FillAsync("3");
        await page.Locator("#pl-type").SelectOptionAsync("flatbed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find sites" }).ClickAsync();

        await Expect(page.Locator("#placement-sites li")).ToHaveCountAsync(3, new() { Timeout = 120_000 });
        await page.Locator("#placement-sites").EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await Screenshots.SaveAsync(page, "08-planner-placement");
    }
}
