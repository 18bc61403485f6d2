using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Scenarios;

namespace Dispatch.Silo.Endpoints;

/// <summary>The grains an endpoint talks to, for the one network this host serves.</summary>
public sealed class Dispatchers(IGrainFactory grains)
{
    public IDispatcherGrain Dispatcher => grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    public Task<System.Collections.Immutable.ImmutableArray<IncidentListing>> ListIncidentsAsync(System.Collections.Immutable.ImmutableArray<string> statuses) =>
        IncidentRegistry.ListAsync(grains, IncidentGrain.Network, statuses);

    public IIncidentGrain Incident(string id) => grains.GetGrain<IIncidentGrain>(id);

    public IScenarioRegistryGrain ScenarioRegistry => grains.GetGrain<IScenarioRegistryGrain>(IncidentGrain.Network);

    public IScenarioGrain Scenario(string id) => grains.GetGrain<IScenarioGrain>(id);
}
