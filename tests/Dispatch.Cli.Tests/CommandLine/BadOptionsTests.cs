using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.CommandLine;

public class BadOptionsTests
{
    public static TheoryData<string[], string> BadSimulateOptions => new()
    {
        { ["--days", "0"], "--days must be above 0" },
        { ["--days", "-2"], "--days must be above 0" },
        { ["--rate", "lots"], "--rate 'lots' is not a number" },
        { ["--seed", "one"], "one" },
        { ["--policy", "nearest"], "nearest" },
        { ["--baseline-policy", "random"], "random" },
        { ["--start", "next monday"], "--start 'next monday' is not an ISO-8601 instant" },
        { ["--max-wait", "-5"], "--max-wait must be at least 0" },
        { ["--changes", "/no/such/changes.json"], "/no/such/changes.json" },
        { ["--bogus"], "--bogus" },
    };

    [Theory]
    [MemberData(nameof(BadSimulateOptions))]
    public async Task RunAsync_SimulateWithBadValue_ExitsTwoAndSaysWhat(string[] bad, string expected)
    {
        var result = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, .. bad]);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NeitherNetworkNorUrl_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("simulate", "--days", "1");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("exactly one of --network", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NetworkAndUrl_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("simulate", "--network", TestFiles.TinyNetwork, "--url", "http://127.0.0.1:5080", "--key-file", TestFiles.TinyNetwork);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("exactly one of --network", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UrlWithoutKeyFile_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("simulate", "--url", "http://127.0.0.1:5080");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--url needs --key-file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UrlNotHttp_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("simulate", "--url", "ftp://127.0.0.1", "--key-file", TestFiles.TinyNetwork);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is not an http or https URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReplayWithSurges_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("simulate", "--network", TestFiles.TinyNetwork, "--replay", TestFiles.TinyNetwork, "--surges", TestFiles.TinyNetwork);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("cannot be combined with --replay", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoCommand_ExitsTwo()
    {
        var result = await CliHarness.RunAsync();

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "--param", "parameters.timeZone", "--values", "1" }, "cannot be swept")]
    [InlineData(new[] { "--param", "coverageLambda", "--values", "0,abc" }, "'abc' in --values is not a number")]
    [InlineData(new[] { "--param", "coverageLambda" }, "--values")]
    [InlineData(new[] { "--values", "1,2" }, "--param")]
    public async Task RunAsync_SweepWithBadParameterOrValues_ExitsTwoAndSaysWhat(string[] bad, string expected)
    {
        var result = await CliHarness.RunAsync(["sweep", "--network", TestFiles.TinyNetwork, .. bad]);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadPlanOptions => new()
    {
        { ["plan", "--model", "mclp", "--k", "1", "--resource-type", "flatbed"], "exactly one of --orlib" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--orlib", TestFiles.TinyNetwork], "exactly one of --orlib" },
        { ["plan", "--url", "http://127.0.0.1:5080", "--model", "mclp", "--k", "1", "--resource-type", "flatbed"], "--url needs --key-file" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--k", "1", "--resource-type", "flatbed"], "--model is required" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "mclp", "--resource-type", "flatbed"], "--k is required" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "mclp", "--k", "1"], "--resource-type is required" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "center", "--k", "1", "--resource-type", "flatbed"], "center" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "mclp", "--k", "two", "--resource-type", "flatbed"], "two" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "pmedian", "--k", "1", "--resource-type", "flatbed", "--standard-min", "30"], "--standard-min is the covering standard" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "mclp", "--k", "1", "--resource-type", "flatbed", "--standard-min", "-30"], "--standard-min must be above 0" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "mclp", "--k", "1", "--resource-type", "flatbed", "--candidates", "/no/such/sites.json"], "--candidates '/no/such/sites.json' is neither 'centers' nor an existing file" },
        { ["plan", "--network", TestFiles.TinyNetwork, "--model", "mclp", "--k", "1", "--resource-type", "flatbed", "--time-limit-ms", "0"], "--time-limit-ms must be above 0" },
    };

    [Theory]
    [MemberData(nameof(BadPlanOptions))]
    public async Task RunAsync_PlanWithBadOptions_ExitsTwoAndSaysWhat(string[] args, string expected)
    {
        var result = await CliHarness.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task RunAsync_Help_ExitsZeroAndListsCommands()
    {
        var result = await CliHarness.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("simulate", result.Output, StringComparison.Ordinal);
        Assert.Contains("sweep", result.Output, StringComparison.Ordinal);
        Assert.Contains("plan", result.Output, StringComparison.Ordinal);
    }
}
