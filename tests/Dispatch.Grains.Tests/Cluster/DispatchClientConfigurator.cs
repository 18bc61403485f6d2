using Dispatch.Grains.Serialization;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Cluster;

/// <summary>The client must carry the Solver's types with the same JSON codec as the silos.</summary>
public sealed class DispatchClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddDispatchSerialization();
}
