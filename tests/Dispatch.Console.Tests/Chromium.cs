namespace Dispatch.Console.Tests;

/// <summary>The browser the tests drive: Debian's chromium package (test.sh installs it), or the one
/// <c>DISPATCH_CHROMIUM</c> names. Playwright's own browser downloads are never used.</summary>
public static class Chromium
{
    public const string DebianPath = "/usr/bin/chromium";

    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable("DISPATCH_CHROMIUM") is { Length: > 0 } configured ? configured : DebianPath;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No chromium at {path}: install Debian's package (apt-get install -y chromium), as test.sh does.", path);
    }
}
