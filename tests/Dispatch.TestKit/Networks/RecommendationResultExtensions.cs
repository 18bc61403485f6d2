using Dispatch.Solver.Dispatching;

namespace Dispatch.TestKit.Networks;

/// <summary>Ways to read a recommendation in assertions.</summary>
public static class RecommendationResultExtensions
{
    /// <summary>The recommendation followed by the alternatives, best first.</summary>
    public static IReadOnlyList<DispatchOption> Ranking(this RecommendationResult result) =>
        result.Recommendation is null ? [] : [result.Recommendation, .. result.Alternatives];

    public static IReadOnlyList<DispatchOption> OptionsOf(this RecommendationResult result, string resourceId) =>
        [.. result.Ranking().Where(o => o.ResourceId == resourceId)];

    public static DispatchOption SingleOptionOf(this RecommendationResult result, string resourceId) =>
        Assert.Single(result.Ranking(), o => o.ResourceId == resourceId);

    /// <summary>The exclusion reason of a resource; fails when it is not excluded exactly once.</summary>
    public static string ReasonFor(this RecommendationResult result, string resourceId) =>
        Assert.Single(result.Excluded, e => e.ResourceId == resourceId).Reason;

    public static bool IsOffered(this RecommendationResult result, string resourceId) =>
        result.Ranking().Any(o => o.ResourceId == resourceId);
}
