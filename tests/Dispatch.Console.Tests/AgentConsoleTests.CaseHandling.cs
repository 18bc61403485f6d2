using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Console.Tests;

/// <summary>The case-handling flows in the agent's console: reassigning with a reason, and an escalated case.</summary>
public sealed partial class AgentConsoleTests
{
    [Fact]
    public async Task Reassign_WithReason_TimelineKeepsBothAssignmentsAndShowsTheNewUnit()
    {
        var page = await fixture.OpenConsoleAsync();
        await ConsolePages.LogInAndWaitAsync(page, fixture.AgentKey, "agent");
        await EnterChangtangIncidentAsync(page);
        var first = await page.Locator("#options tbody tr.recommended").GetAttributeAsync("data-resource");
        Assert.False(string.IsNullOrEmpty(first));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case and dispatch" }).ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("dispatched");
        var caseId = (await page.Locator(".case h2").InnerTextAsync()).Replace("Case ", "", StringComparison.Ordinal).Trim();

        // Without a reason the API refuses, and its message stands under the reason field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Reassign", Exact = true }).ClickAsync();
        await Expect(page.Locator("#reassign-reason-error")).ToContainTextAsync("is required");
        await Expect(page.GetByLabel("Reason to reassign (required)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "09a-agent-reassign-reason-required");

        await page.GetByLabel("Reason to reassign (required)").FillAsync("turned_back_by_local_rule");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reassign", Exact = true }).ClickAsync();

        var timeline = page.Locator("#timeline li");
        await Expect(page.Locator("#timeline li[data-type='reassigned']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#timeline li[data-type='reassigned']")).ToContainTextAsync($"Reassigned: {first} released (turned back by local rule)");
        await Expect(page.Locator("#timeline li[data-type='dispatched']")).ToHaveCountAsync(2);
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("dispatched");
        await Expect(page.Locator("#case-unit")).Not.ToContainTextAsync(first!);
        await Expect(page.Locator("#reassign-reason-error")).ToBeHiddenAsync();
        var types = await timeline.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.type)");
        var reassignedAt = Array.IndexOf(types, "reassigned");
        Assert.Equal(["dispatched", "reassigned", "dispatched"], types.Where(t => t is "dispatched" or "reassigned").ToArray());
        Assert.Equal("dispatched", types[reassignedAt + 1]);
        await Expect(page.Locator("#timeline li[data-type='reassigned'] .by")).ToHaveTextAsync(new Regex("^by key_"));
        await Screenshots.SaveAsync(page, "09b-agent-reassigned");

        // The silo agrees: another unit holds the case, and the console shows that one.
        using var admin = fixture.Silo.CreateAdminClient();
        using (var stored = await admin.GetFromJsonAsync<JsonDocument>($"v1/incidents/{Uri.EscapeDataString(caseId)}"))
        {
            var second = stored!.RootElement.GetProperty("assignment").GetProperty("resourceId").GetString();
            Assert.NotEqual(first, second);
            await Expect(page.Locator("#case-unit")).ToContainTextAsync(second!);
        }

        // Leave the network as it was for the other tests.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel case" }).ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("cancelled");
    }

    [Fact]
    public async Task CaseList_UndispatchedCaseReportedFiveMinutesAgo_ShownEscalated()
    {
        var id = "web-escalated-" + Guid.NewGuid().ToString("N");
        using var admin = fixture.Silo.CreateAdminClient();
        using (var opened = await admin.PostAsJsonAsync("v1/incidents", new
        {
            id,
            location = new { lat = 39.9, lon = 116.4 },
            reportedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            fault = "flat_tire",
            vehicle = new { powertrain = "bev", tireSpec = "235/45R18" },
            priority = "p3",
        }))
        {
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        }

        var page = await fixture.OpenConsoleAsync();
        await ConsolePages.LogInAndWaitAsync(page, fixture.AgentKey, "agent");

        var row = page.Locator($"#case-list li[data-case='{id}']");
        await Expect(row).ToHaveClassAsync(new Regex(@"\bescalated\b"));
        await Expect(row.Locator(".badge.escalated")).ToHaveTextAsync("escalated, level 1");
        await Expect(page.Locator("#case-list li").First).ToHaveClassAsync(new Regex(@"\bescalated\b"));
        await row.GetByRole(AriaRole.Button, new() { Name = id }).ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("open");
        await Expect(page.Locator("#case-escalation")).ToHaveTextAsync("escalated, level 1");
        // An open case has no unit to give back: reassigning is not offered.
        await Expect(page.Locator("#reassign")).ToBeHiddenAsync();
        var escalated = page.Locator("#timeline li[data-type='escalated']");
        await Expect(escalated).ToHaveCountAsync(1);
        await Expect(escalated).ToContainTextAsync("Escalated, level 1: no unit dispatched within the standard");
        await Expect(escalated.Locator(".by")).ToHaveTextAsync("by the system");
        await Screenshots.SaveAsync(page, "10-agent-escalated-case");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel case" }).ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("cancelled");
    }
}
