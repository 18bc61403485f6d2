using Dispatch.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Storage;

/// <summary>A one-silo cluster over <see cref="FlakyGrainStorage"/>; one silo, so there is one store to fail.</summary>
public sealed class FlakyStorageFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<FlakyStorageSiloConfigurator>()
        .AddClientBuilderConfigurator<DispatchClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public FlakyGrainStorage Storage =>
        Cluster.GetSiloServiceProvider(Cluster.GetActiveSilos().Single().SiloAddress).GetRequiredService<FlakyGrainStorage>();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
