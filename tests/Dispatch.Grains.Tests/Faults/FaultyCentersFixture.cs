using Dispatch.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Faults;

/// <summary>A one-silo cluster whose center grains fail the calls a test asks for (<see cref="CenterFaults"/>); one
/// silo, so there is one filter to tell.</summary>
public sealed class FaultyCentersFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<FaultyCentersSiloConfigurator>()
        .AddClientBuilderConfigurator<DispatchClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public CenterFaults Faults =>
        Cluster.GetSiloServiceProvider(Cluster.GetActiveSilos().Single().SiloAddress).GetRequiredService<CenterFaults>();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
