namespace Dispatch.Solver.Dispatching;

/// <summary>How options are ordered before the best one is recommended.</summary>
public enum RankingPolicy
{
    /// <summary>Least score (eta, penalties and coverage loss).</summary>
    Coverage,

    /// <summary>Least eta alone; simulation baselines use it.</summary>
    Closest,
}

/// <summary>How much of the ranking to return. A null count means "all".</summary>
public readonly record struct RecommendationQuery(int? Options = 5, int? Excluded = 10, RankingPolicy Policy = RankingPolicy.Coverage)
{
    /// <summary>The defaults of <c>POST /v1/recommendations</c>: 5 options, 10 excluded resources, coverage ranking.</summary>
    public static RecommendationQuery Default => new(5, 10, RankingPolicy.Coverage);

    /// <summary>The whole ranking and every excluded resource, for callers that filter the ranking themselves.</summary>
    public static RecommendationQuery All => new(null, null, RankingPolicy.Coverage);
}
