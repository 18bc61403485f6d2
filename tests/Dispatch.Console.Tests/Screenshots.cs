using Microsoft.Playwright;

namespace Dispatch.Console.Tests;

/// <summary>Saves a screenshot of each step under <c>TestResults/console/</c> at the repository's root, as test
/// artifacts (the README's pictures of the console are copies of some of them).</summary>
public static class Screenshots
{
    public static string Directory { get; } = Resolve();

    public static async Task SaveAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = false });
    }

    private static string Resolve()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Dispatch.sln")))
        {
            root = root.Parent;
        }

        var directory = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "TestResults", "console");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
