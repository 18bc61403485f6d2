using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Replication;

/// <summary>Where a silo's recommendations are answered: by this silo's engine replica while it may serve, otherwise
/// by the dispatcher grain, which is always current.</summary>
public sealed class Recommender(EngineReplica replica, IGrainFactory grains)
{
    private long servedByReplica;
    private long servedByDispatcher;

    /// <summary>How many recommendations each side answered, for metrics and tests.</summary>
    public (long Replica, long Dispatcher) Served => (Interlocked.Read(ref servedByReplica), Interlocked.Read(ref servedByDispatcher));

    private IDispatcherGrain Dispatcher => grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    /// <summary>Ranks the options for an incident; null when no network is loaded.</summary>
    public Task<RecommendationResult?> RecommendAsync(Incident incident, RecommendationQuery query)
    {
        if (replica.TryRecommend(incident, query, out var result))
        {
            Interlocked.Increment(ref servedByReplica);
            return Task.FromResult(result);
        }

        Interlocked.Increment(ref servedByDispatcher);
        return Dispatcher.RecommendAsync(incident, query);
    }

    /// <summary>The region code of a point; empty when no network is loaded, null outside the served area.</summary>
    public Task<string?> RegionOfAsync(GeoPoint point) =>
        replica.TryRegionOf(point, out var region) ? Task.FromResult(region) : Dispatcher.RegionOfAsync(point);
}
