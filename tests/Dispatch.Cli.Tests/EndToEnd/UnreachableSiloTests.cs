using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.EndToEnd;

public class UnreachableSiloTests
{
    [Fact]
    public async Task Simulate_UrlWhereNothingListens_ExitsOneWithAClearMessage()
    {
        using var temp = new TempDirectory();
        var key = temp.Write("admin.key", "some-key\n");

        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var result = await CliHarness.RunAsync("simulate", "--url", "http://127.0.0.1:1", "--key-file", key, "--out", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("Cannot reach the silo at http://127.0.0.1:1/", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_EmptyKeyFile_ExitsTwo()
    {
        using var temp = new TempDirectory();
        var key = temp.Write("admin.key", "  \n");

        var result = await CliHarness.RunAsync("simulate", "--url", "http://127.0.0.1:1", "--key-file", key, "--out", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("--key-file", result.Error, StringComparison.Ordinal);
    }
}
