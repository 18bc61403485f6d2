using Dispatch.Load.Cli;

namespace Dispatch.Load.Tests;

public class LoadOptionsParserCeilingTests
{
    [Fact]
    public void TryParse_Defaults_MeasureTheCeilingOn32Connections()
    {
        Assert.True(LoadOptionsParser.TryParse(["--start-silo"], out var options, out _));

        Assert.True(options.Ceiling);
        Assert.Equal(32, options.Connections);
        Assert.Equal(256, options.MaxInFlight);
        Assert.Equal(0.7, options.CeilingShare);
    }

    [Fact]
    public void TryParse_CeilingOptions_AreRead()
    {
        var ok = LoadOptionsParser.TryParse(
            ["--url", "http://127.0.0.1:5080", "--connections", "8", "--no-ceiling", "--ceiling-share", "0.5", "--bare-url", "http://127.0.0.1:6000"],
            out var options,
            out var errors);

        Assert.True(ok, string.Join("; ", errors));
        Assert.Equal(8, options.Connections);
        Assert.False(options.Ceiling);
        Assert.Equal(0.5, options.CeilingShare);
        Assert.Equal(new Uri("http://127.0.0.1:6000/"), options.BareUrl);
    }

    [Fact]
    public void TryParse_ServeBareAlone_IsEnough()
    {
        Assert.True(LoadOptionsParser.TryParse(["--serve-bare", "0"], out var options, out _));

        Assert.Equal(0, options.ServeBarePort);
    }

    [Theory]
    [InlineData("--connections", "0")]
    [InlineData("--ceiling-share", "1.5")]
    [InlineData("--serve-bare", "70000")]
    [InlineData("--bare-url", "http://10.0.0.1:6000")]
    public void TryParse_BadValue_IsRefused(string option, string value)
    {
        Assert.False(LoadOptionsParser.TryParse(["--start-silo", option, value], out _, out var errors));
        Assert.Contains(errors, e => e.Contains(option, StringComparison.Ordinal));
    }

    [Fact]
    public void TryParse_WriteBodiesWithoutUrl_IsRefused()
    {
        Assert.False(LoadOptionsParser.TryParse(["--start-silo", "--write-bodies", "b.txt"], out _, out var errors));
        Assert.Contains(errors, e => e.Contains("--write-bodies", StringComparison.Ordinal));
    }
}
