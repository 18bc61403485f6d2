using Dispatch.Grains.Replication;
using Dispatch.Grains.Tests.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Replication;

/// <summary>A test silo with engine replicas as the host wires them, on the real clock (leases and renewals run as in
/// production, only faster).</summary>
public sealed class ReplicaSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        DispatchSiloConfigurator.AddDispatchServices(siloBuilder);
        siloBuilder.Services.AddSingleton(TimeProvider.System);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{EngineReplicaOptions.Section}:Lease"] = "00:00:03",
            [$"{EngineReplicaOptions.Section}:RenewEvery"] = "00:00:00.250",
        }).Build();
        siloBuilder.Services.AddEngineReplica(settings);
    }
}
