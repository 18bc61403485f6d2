using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.Silo;

/// <summary>One real silo for a test class, seeded with the tiny network so that runs on it are short.</summary>
public abstract class SiloFixture : IAsyncLifetime
{
    private SiloProcess? _silo;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(Settings) { ["Dispatch__SeedNetwork"] = TestFiles.TinyNetwork };
        _silo = SiloBuild.Start(settings);
        await _silo.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}

/// <summary>A silo that runs scenarios as they come.</summary>
public sealed class RunningSiloFixture : SiloFixture;

/// <summary>A silo that may run no scenario at once (<c>Dispatch:Scenarios:MaxRunning = 0</c>): every run stays queued
/// until cancelled, so a test can cancel one without racing its end.</summary>
public sealed class HoldingSiloFixture : SiloFixture
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Dispatch__Scenarios__MaxRunning"] = "0" };
}

/// <summary>The silo tests run one class at a time: each starts a silo process, and two at once only compete for cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloCollection
{
    public const string Name = "silo";
}
