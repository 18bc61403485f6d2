using System.CommandLine;
using Dispatch.Cli.CommandLine;
using Dispatch.Cli.Input;

namespace Dispatch.Cli.Tests.CommandLine;

public class InputOptionsTests
{
    private static RunInput Bind(InputOptions options, params string[] args)
    {
        var command = new Command("test");
        options.AddTo(command);
        var result = command.Parse(args);
        Assert.Empty(result.Errors);
        return options.Bind(result);
    }

    [Fact]
    public void Bind_SimulateWithOnlyNetwork_UsesDocumentedDefaults()
    {
        var input = Bind(SimulateCommand.Input(), "--network", Support.TestFiles.TinyNetwork);

        Assert.Equal(new NetworkFileSource(Support.TestFiles.TinyNetwork), input.Source);
        Assert.Equal(7, input.Days);
        Assert.Equal(2000, input.RatePerDay);
        Assert.Equal(1, input.Seed);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), input.Start);
        Assert.Equal("coverage", input.Policy);
        Assert.Null(input.BaselinePolicy);
        Assert.Null(input.MaxWaitMin);
        Assert.Null(input.ChangesFile);
        Assert.Equal(Path.GetFullPath("scenario-out"), input.OutDirectory);
    }

    [Fact]
    public void Bind_SweepWithOnlyNetwork_BaselineIsClosestAndOutIsSweepOut()
    {
        var input = Bind(SweepCommand.Input(), "--network", Support.TestFiles.TinyNetwork);

        Assert.Equal("closest", input.BaselinePolicy);
        Assert.Equal(Path.GetFullPath("sweep-out"), input.OutDirectory);
    }

    [Fact]
    public void Bind_EveryOption_ReadsEachValue()
    {
        var input = Bind(
            SimulateCommand.Input(),
            "--network", Support.TestFiles.TinyNetwork, "--days", "2.5", "--rate", "150", "--seed", "42",
            "--start", "2026-03-01T06:00:00+08:00", "--policy", "closest", "--baseline-policy", "coverage",
            "--max-wait", "90", "--name", "golmud flatbeds", "--out", "runs/one");

        Assert.Equal(2.5, input.Days);
        Assert.Equal(150, input.RatePerDay);
        Assert.Equal(42, input.Seed);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero), input.Start);
        Assert.Equal("closest", input.Policy);
        Assert.Equal("coverage", input.BaselinePolicy);
        Assert.Equal(90, input.MaxWaitMin);
        Assert.Equal("golmud flatbeds", input.Name);
        Assert.Equal(Path.GetFullPath("runs/one"), input.OutDirectory);
    }

    [Fact]
    public void Bind_StartWithoutOffset_IsTakenAsUtc()
    {
        var input = Bind(SimulateCommand.Input(), "--network", Support.TestFiles.TinyNetwork, "--start", "2026-02-01T08:30:00");

        Assert.Equal(new DateTimeOffset(2026, 2, 1, 8, 30, 0, TimeSpan.Zero), input.Start);
    }

    [Fact]
    public void Bind_UrlAndKeyFile_RunsRemotely()
    {
        var input = Bind(SimulateCommand.Input(), "--url", "http://127.0.0.1:5080", "--key-file", Support.TestFiles.TinyNetwork);

        var remote = Assert.IsType<RemoteSource>(input.Source);
        Assert.Equal(new Uri("http://127.0.0.1:5080"), remote.Url);
        Assert.Equal(Support.TestFiles.TinyNetwork, remote.KeyFile);
    }
}
