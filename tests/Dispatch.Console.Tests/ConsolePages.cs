using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Console.Tests;

/// <summary>Steps the tests share: logging in, and waiting until the map has the network.</summary>
public static class ConsolePages
{
    static ConsolePages()
    {
        // Nothing here measures speed: wait as long as a loaded machine may need.
        SetDefaultExpectTimeout(60_000);
    }

    public static async Task LogInAsync(IPage page, string key)
    {
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>Logs in and waits for the console: the role shown, the network and the open cases loaded.</summary>
    public static async Task LogInAndWaitAsync(IPage page, string key, string role)
    {
        await LogInAsync(page, key);
        await Expect(page.Locator("#role")).ToHaveTextAsync(role);
        await Expect(page.Locator(".poll-status")).ToContainTextAsync("open cases");
        await Expect(page.Locator("#map")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Map of 31 regions"));
    }
}
