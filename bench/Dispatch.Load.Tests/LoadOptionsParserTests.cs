using Dispatch.Load.Cli;

namespace Dispatch.Load.Tests;

public class LoadOptionsParserTests
{
    [Fact]
    public void TryParse_FullCommandLine_ReadsEveryOption()
    {
        var ok = LoadOptionsParser.TryParse(
            ["--url", "http://127.0.0.1:5080", "--key", "k", "--rate", "40", "--duration", "25s", "--warmup", "500ms",
             "--mix", "recommend=1,dispatch=1", "--seed", "9", "--json", "out.json", "--max-in-flight", "64", "--baseline"],
            out var options,
            out var errors);

        Assert.True(ok, string.Join("; ", errors));
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), options.Url);
        Assert.Equal(40, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(25), options.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Warmup);
        Assert.Equal(9, options.Seed);
        Assert.Equal(64, options.MaxInFlight);
        Assert.True(options.Baseline);
        Assert.Equal("recommend=1,dispatch=1", options.Mix.ToString());
    }

    [Theory]
    [InlineData("http://10.0.0.5:5080")]
    [InlineData("http://example.com")]
    [InlineData("http://127.0.0.1.example.com")]
    [InlineData("ftp://127.0.0.1")]
    public void TryParse_NonLoopbackUrl_IsRefused(string url)
    {
        Assert.False(LoadOptionsParser.TryParse(["--url", url], out _, out var errors));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void TryParse_StartSiloWithoutPath_LooksForTheBuild()
    {
        Assert.True(LoadOptionsParser.TryParse(["--start-silo", "--rate", "5"], out var options, out _));

        Assert.Equal(string.Empty, options.StartSilo);
        Assert.True(options.DrivesEngine);
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsEachOne()
    {
        Assert.False(LoadOptionsParser.TryParse(["--rate", "-1", "--duration", "soon", "--bogus", "--url", "http://127.0.0.1:1"], out _, out var errors));

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void TryParse_NothingToDo_IsAnError()
    {
        Assert.False(LoadOptionsParser.TryParse(["--rate", "10"], out _, out var errors));
        Assert.Contains(errors, e => e.Contains("nothing to do", StringComparison.Ordinal));
    }

    [Fact]
    public void TryParse_RawStorageAutoWithoutSilo_IsAnError()
    {
        Assert.False(LoadOptionsParser.TryParse(["--raw-storage", "auto"], out _, out _));
    }

    [Theory]
    [InlineData("25s", 25)]
    [InlineData("2m", 120)]
    [InlineData("1.5", 1.5)]
    [InlineData("250ms", 0.25)]
    [InlineData("1h", 3600)]
    public void TryParseDuration_Units_AreUnderstood(string text, double seconds)
    {
        Assert.True(LoadOptionsParser.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-3s")]
    [InlineData("fast")]
    public void TryParseDuration_Garbage_IsRefused(string text)
    {
        Assert.False(LoadOptionsParser.TryParseDuration(text, out _));
    }
}
