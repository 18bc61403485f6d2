using System.Diagnostics;
using System.Text.Json;
using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.EndToEnd;

public class PlanOnOrLibTests
{
    private const double Pmed1Optimum = 5819;

    [Fact]
    public async Task Plan_OrLibPmed1Json_PrintsOneJsonObjectWithTheKnownOptimum()
    {
        var result = await CliHarness.RunAsync("plan", "--orlib", TestFiles.OrLibPmed1, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        AssertPmed1Answer(result.Output);
        // The tables went to standard error.
        Assert.Contains("proven optimal", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_OrLibPmed1JsonAsAProcess_StandardOutputIsTheJsonAloneAndNoFilesAreWritten()
    {
        // The outside check runs the tool itself: the real console (Spectre's, not the tests' plain one) must keep off
        // standard output, and the working directory must stay clean.
        using var temp = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { TestFiles.DispatchDll, "plan", "--orlib", TestFiles.OrLibPmed1, "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == ExitCodes.Ok, $"exit {process.ExitCode}\n{await output}\n{await error}");
        AssertPmed1Answer(await output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Plan_OrLibWithoutJson_PrintsTheTablesAndWritesAnswerJson()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync("plan", "--orlib", TestFiles.OrLibPmed1, "--out", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("Chosen sites", result.Output, StringComparison.Ordinal);
        Assert.Contains("5,819", result.Output, StringComparison.Ordinal);
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("answer.json")));
        Assert.Equal(Pmed1Optimum, answer.RootElement.GetProperty("objective").GetDouble());
        Assert.False(File.Exists(temp.File("sites.geojson")), "an OR-Library file has no places to map");
    }

    [Fact]
    public async Task Plan_OrLibTimeLimit_IsHonouredAndStillAnswers()
    {
        var result = await CliHarness.RunAsync("plan", "--orlib", TestFiles.OrLibPmed1, "--json", "--time-limit-ms", "5000");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(result.Output);
        Assert.Equal(5, answer.RootElement.GetProperty("sites").GetArrayLength());
    }

    [Fact]
    public async Task Plan_OrLibFileThatIsNotOne_ExitsTwoNamingTheFile()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("pmed-broken.txt", "100 200 five\n1 2 3\n");

        var result = await CliHarness.RunAsync("plan", "--orlib", file, "--json");

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("--orlib " + file, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("--k", "3")]
    [InlineData("--resource-type", "flatbed")]
    [InlineData("--model", "mclp")]
    public async Task Plan_OrLibWithANetworkOption_ExitsTwo(string option, string value)
    {
        var result = await CliHarness.RunAsync("plan", "--orlib", TestFiles.OrLibPmed1, option, value);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }

    private static void AssertPmed1Answer(string output)
    {
        // Exactly one JSON value: JsonDocument.Parse refuses anything after it.
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        using var answer = JsonDocument.Parse(output);
        var root = answer.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(Pmed1Optimum, root.GetProperty("objective").GetDouble());
        Assert.True(root.GetProperty("optimal").GetBoolean());
        Assert.Equal(0, root.GetProperty("gap").GetDouble());
        Assert.True(root.GetProperty("solveMillis").GetInt64() >= 0);
        var sites = root.GetProperty("sites").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Equal(5, sites.Count);
        Assert.Equal(5, sites.Distinct().Count());
        Assert.False(root.TryGetProperty("coveredWeight", out _), "p-median has no covered weight");
    }
}
