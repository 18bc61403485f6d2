using Dispatch.Solver.Dispatching;

using Orleans.Concurrency;

using Dispatch.Grains.Dispatching;

namespace Dispatch.Grains;

public static class DispatcherGrainExtensions
{
    /// <summary>Ranks the options for an incident; null when no network is loaded.</summary>
    public static async Task<RecommendationResult?> RecommendAsync(this IDispatcherGrain dispatcher, Incident incident, RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var answer = await dispatcher.RecommendSharedAsync(new Immutable<Incident>(incident), query);
        return answer.Value;
    }
}
