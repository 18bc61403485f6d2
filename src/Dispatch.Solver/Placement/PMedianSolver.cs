namespace Dispatch.Solver.Placement;

/// <summary>p-median end to end: reduce, solve exactly (<see cref="MedianBranchAndBound"/>), map back, recompute.</summary>
internal static class PMedianSolver
{
    public static PlacementSolution Solve(PlacementProblem problem, SolveClock clock)
    {
        var reduction = MedianReduction.Reduce(problem);
        if (reduction.Instance is not { } instance)
        {
            // No choice changes the cost: every k sites are optimal.
            var sites = reduction.ToCandidates(problem, []);
            return Answer(problem, sites, double.NaN, optimal: true, "trivial", clock) with
            {
                Stats = new PlacementStats(0, 0, reduction.Offset, reduction.Offset, 0, 0),
            };
        }

        var outcome = MedianBranchAndBound.Solve(instance, clock);
        var chosen = reduction.ToCandidates(problem, outcome.Open);
        var stats = outcome.Stats;
        return Answer(problem, chosen, outcome.LowerBound + reduction.Offset, outcome.Optimal, outcome.Method, clock) with
        {
            Stats = new PlacementStats(
                instance.Sites, instance.Clients, stats.HeuristicCost + reduction.Offset, stats.RootBound + reduction.Offset, stats.Nodes, stats.Iterations),
        };
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
