namespace Dispatch.Solver.Placement;

/// <summary>p-median end to end: reduce, solve exactly (<see cref="MedianBranchAndBound"/>), map back, recompute.</summary>
internal static class PMedianSolver
{
    public static PlacementSolution Solve(PlacementProblem problem, SolveClock clock)
    {
        var reduction = MedianReduction.Reduce(problem);
        var candidates = problem.CandidateIds.Count;
        if (reduction.Instance is not { } instance)
        {
            var any = Enumerable.Range(0, problem.K).ToArray();
            return Answer(problem, any, 0, optimal: true, "trivial", clock);
        }

        var outcome = MedianBranchAndBound.Solve(instance, clock);
        var sites = reduction.ToCandidates(outcome.Open, problem.K, candidates);
        return Answer(problem, sites, outcome.LowerBound, outcome.Optimal, outcome.Method, clock);
    }

    private static PlacementSolution Answer(PlacementProblem problem, int[] sites, double lowerBound, bool optimal, string method, SolveClock clock)
    {
        var objective = PlacementObjective.PMedian(problem, sites);
        var bound = optimal ? objective : Math.Min(lowerBound, objective);
        return new PlacementSolution(
            PlacementModel.PMedian,
            sites,
            [.. sites.Select(s => problem.CandidateIds[s])],
            objective,
            CoveredWeight: null,
            PreCoveredWeight: null,
            TotalWeight: problem.Weights.Sum(),
            optimal,
            PlacementObjective.Gap(objective, bound, optimal),
            bound,
            (long)clock.Elapsed.TotalMilliseconds,
            method);
    }
}
