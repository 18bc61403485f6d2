namespace Dispatch.Solver.Dispatching;

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
    public static RecommendationQuery Default => new(5, 10, RankingPolicy.Coverage);

    public static RecommendationQuery All => new(null, null, RankingPolicy.Coverage);
}
