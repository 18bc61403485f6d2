namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>A silo seeded with the bundled demo network (388 centers, 2,723 units), its log captured.</summary>
public sealed class DemoSiloFixture : IAsyncLifetime
{
    public const string Collection = "demo network silo";

    public SiloHarness Silo { get; } = SiloHarness.ForApi(SiloHarness.DemoNetwork, captureLogs: true);

    public Task InitializeAsync()
    {
        Silo.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

[CollectionDefinition(DemoSiloFixture.Collection)]
public sealed class DemoSiloCollection : ICollectionFixture<DemoSiloFixture>;
