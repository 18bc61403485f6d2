using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Cluster;

/// <summary>An in-process cluster of two silos (so grain calls cross silos and go through serialization), shared
/// by the tests of <see cref="ClusterCollection"/>. Tests keep apart by using their own grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 2)
        .AddSiloBuilderConfigurator<DispatchSiloConfigurator>()
        .AddClientBuilderConfigurator<DispatchClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>What the grains read as now.</summary>
    public DateTimeOffset Now => Clock(Cluster.GetActiveSilos().First()).GetUtcNow();

    /// <summary>Moves the grain clock of every silo, so time reads the same wherever a grain is placed.</summary>
    public void Advance(TimeSpan by)
    {
        foreach (var silo in Cluster.GetActiveSilos())
        {
            Clock(silo).Advance(by);
        }
    }

    private FakeTimeProvider Clock(SiloHandle silo) =>
        (FakeTimeProvider)Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<TimeProvider>();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
