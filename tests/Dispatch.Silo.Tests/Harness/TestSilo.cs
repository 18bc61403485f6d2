using Dispatch.Silo.Tests.Grains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Dispatch.Silo.Tests.Harness;

/// <summary>The kit's in-process silo with what the storage and pipeline tests add: the test grains' serializers
/// and a route that fails (<see cref="FailingRouteStartupFilter"/>).</summary>
public static class TestSilo
{
    public static SiloHarness New(SiloOptions? options = null) => new(options, SiloLogs.HostAndDispatch, AddTestServices);

    private static void AddTestServices(IServiceCollection services)
    {
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(CounterTestGrain).Assembly));
        services.AddTransient<IStartupFilter, FailingRouteStartupFilter>();
    }
}
