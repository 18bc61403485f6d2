using Dispatch.Grains.Replication;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Scenarios;

namespace Dispatch.Silo.Endpoints;

/// <summary>The grains an endpoint talks to, for the one network this host serves.</summary>
public sealed class Dispatchers(IGrainFactory grains, Recommender recommender)
{
    /// <summary>Recommendations and region lookups: this silo's engine replica while it may serve, else the dispatcher.</summary>
    public Recommender Recommender => recommender;

    public IDispatcherGrain Dispatcher => grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    public Task<System.Collections.Immutable.ImmutableArray<IncidentListing>> ListIncidentsAsync(System.Collections.Immutable.ImmutableArray<CaseStatusKind> statuses) =>
        IncidentRegistry.ListAsync(grains, IncidentGrain.Network, statuses);

    public Task<(System.Collections.Immutable.ImmutableArray<IncidentListing> Items, IncidentListPosition? Next)> ListIncidentsPageAsync(
        System.Collections.Immutable.ImmutableArray<CaseStatusKind> statuses, IncidentListPosition from, int limit) =>
        IncidentRegistry.ListPageAsync(grains, IncidentGrain.Network, statuses, from, limit);

    public IIncidentGrain Incident(string id) => grains.GetGrain<IIncidentGrain>(id);

    public IScenarioRegistryGrain ScenarioRegistry => grains.GetGrain<IScenarioRegistryGrain>(IncidentGrain.Network);

    public IScenarioGrain Scenario(string id) => grains.GetGrain<IScenarioGrain>(id);
}
