using Dispatch.Grains.Serialization;
using Dispatch.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Storage;

/// <summary>A silo whose "dispatch" storage is a <see cref="FlakyGrainStorage"/> the tests can reach.</summary>
public sealed class FlakyStorageSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddSingleton<FlakyGrainStorage>();
        siloBuilder.Services.AddGrainStorage(GrainStorage.Name, (services, _) => services.GetRequiredService<FlakyGrainStorage>());
        siloBuilder.Services.AddDispatchSerialization();
        siloBuilder.Services.AddFakeGrainClock();
    }
}
