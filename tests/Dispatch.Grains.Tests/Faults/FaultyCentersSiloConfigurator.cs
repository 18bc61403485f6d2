using Dispatch.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Faults;

/// <summary>The test silo of <see cref="DispatchSiloConfigurator"/> with <see cref="CenterFaults"/> in front of every grain.</summary>
public sealed class FaultyCentersSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        new DispatchSiloConfigurator().Configure(siloBuilder);
        siloBuilder.Services.AddSingleton<CenterFaults>();
        siloBuilder.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<CenterFaults>());
    }
}
