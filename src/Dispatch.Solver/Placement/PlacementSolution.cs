namespace Dispatch.Solver.Placement;

/// <summary>
/// The answer to a <see cref="PlacementProblem"/> (the <c>POST /v1/planning/placement</c> answer of docs/api.md "Planning").
/// </summary>
/// <param name="Model">The model solved.</param>
/// <param name="Sites">The chosen candidates by index into the problem's candidates, ascending; exactly k of them.</param>
/// <param name="SiteIds">The same sites by id.</param>
/// <param name="Objective">p-median: the weighted sum of travel times to the nearest chosen site. mclp: the covered
/// weight (the same as <paramref name="CoveredWeight"/>). Recomputed from the problem's own numbers.</param>
/// <param name="CoveredWeight">mclp: the weight of demand within its standard of a chosen site or already covered
/// (<see cref="PlacementProblem.PreCovered"/>); null for p-median.</param>
/// <param name="PreCoveredWeight">mclp: the part of the weight already covered before any site opens; null for p-median.</param>
/// <param name="TotalWeight">The weight of all demand points.</param>
/// <param name="Optimal">Proven optimal: p-median with whole-number weights and times exactly, otherwise to a
/// relative tolerance of at most 1e-7 (mclp: SCIP's relative gap).</param>
/// <param name="Gap">Relative gap between the objective and <paramref name="BestBound"/>,
/// <c>|objective - bound| / max(|objective|, |bound|)</c>; 0 when optimal.</param>
/// <param name="BestBound">A proven bound on the best objective: a lower bound for p-median, an upper bound for mclp.</param>
/// <param name="SolveMillis">Wall time of the solve.</param>
/// <param name="Method">How it was solved, for logs: <c>trivial</c>, <c>lagrangian-bnb</c> (p-median), <c>mip</c> (mclp),
/// <c>heuristic</c> (the time ran out before the exact phase gave anything better).</param>
public sealed record PlacementSolution(
    PlacementModel Model,
    IReadOnlyList<int> Sites,
    IReadOnlyList<string> SiteIds,
    double Objective,
    double? CoveredWeight,
    double? PreCoveredWeight,
    double TotalWeight,
    bool Optimal,
    double Gap,
    double BestBound,
    long SolveMillis,
    string Method)
{
    /// <summary>Search statistics for benchmarks; not part of the contract.</summary>
    internal PlacementStats? Stats { get; init; }
}
