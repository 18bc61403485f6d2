using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Replication;
using Dispatch.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Replication;

/// <summary>Two silos, each with its engine replica, serving the default network's dispatcher.</summary>
public sealed class ReplicaClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 2)
        .AddSiloBuilderConfigurator<ReplicaSiloConfigurator>()
        .AddClientBuilderConfigurator<DispatchClientConfigurator>()
        .Build();

    public IDispatcherGrain Dispatcher => Cluster.GrainFactory.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    /// <summary>Each silo's recommender and replica, as an HTTP endpoint in that silo would use them.</summary>
    public IReadOnlyList<(Recommender Recommender, EngineReplica Replica, ReplicaSync Sync)> Silos =>
        [.. Cluster.GetActiveSilos().Select(s => Cluster.GetSiloServiceProvider(s.SiloAddress)).Select(sp =>
            (sp.GetRequiredService<Recommender>(), sp.GetRequiredService<EngineReplica>(), sp.GetRequiredService<ReplicaSync>()))];

    /// <summary>Renews every replica until each serves; a liveness bound, not a speed check.</summary>
    public async Task UntilEveryReplicaServesAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Silos.All(s => s.Replica.IsServing))
        {
            foreach (var silo in Silos)
            {
                await silo.Sync.RenewAsync(Dispatcher, bound.Token);
            }

            await Task.Delay(20, bound.Token);
        }
    }

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
