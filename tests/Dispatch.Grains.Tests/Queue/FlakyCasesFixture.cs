using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Queue;

/// <summary>A one-silo cluster wired as the real host (cases, dispatcher, queue) whose "dispatch" storage is a
/// <see cref="FlakyGrainStorage"/>, so a test can fail one grain's next write.</summary>
public sealed class FlakyCasesFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<FlakyCasesSiloConfigurator>()
        .AddClientBuilderConfigurator<DispatchClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    private IServiceProvider Silo => Cluster.GetSiloServiceProvider(Cluster.GetActiveSilos().Single().SiloAddress);

    public FlakyGrainStorage Storage => Silo.GetRequiredService<FlakyGrainStorage>();

    public DateTimeOffset Now => Silo.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Moves the grain clock (timers fire on it).</summary>
    public void Advance(TimeSpan by) => ((FakeTimeProvider)Silo.GetRequiredService<TimeProvider>()).Advance(by);

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

public sealed class FlakyCasesSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        DispatchSiloConfigurator.AddDispatchServices(siloBuilder);
        // Registered after the memory storage of the same name: this one is what the grains get.
        siloBuilder.Services.AddSingleton<FlakyGrainStorage>();
        siloBuilder.Services.AddGrainStorage(GrainStorage.Name, (services, _) => services.GetRequiredService<FlakyGrainStorage>());
        siloBuilder.Services.AddFakeGrainClock();
    }
}
