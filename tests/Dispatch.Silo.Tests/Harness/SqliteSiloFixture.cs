namespace Dispatch.Silo.Tests.Harness;

/// <summary>A running SQLite silo shared by the tests of one class (each class gets its own data dir and ports).</summary>
public sealed class SqliteSiloFixture : IAsyncLifetime
{
    public SiloHarness Silo { get; } = TestSilo.New();

    public Task InitializeAsync()
    {
        Silo.Start();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Silo.DisposeAsync().AsTask();
}
