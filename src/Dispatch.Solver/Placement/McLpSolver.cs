namespace Dispatch.Solver.Placement;

/// <summary>Maximal covering end to end: reduce, greedy and swaps, then the MIP for the proof; map back, recompute.</summary>
internal static class McLpSolver
{
    public static PlacementSolution Solve(PlacementProblem problem, SolveClock clock)
    {
        var reduction = CoverReduction.Reduce(problem);
        var instance = reduction.Instance;
        var preCovered = PlacementObjective.PreCoveredWeight(problem);
        if (instance.K >= instance.Sites)
        {
            // Every undominated site opens: all demand in anyone's reach is covered.
            var all = reduction.ToCandidates(problem, Enumerable.Range(0, instance.Sites));
            return Answer(problem, all, double.NaN, optimal: true, "trivial", clock) with
            {
                Stats = new PlacementStats(instance.Sites, instance.Groups, double.NaN, double.NaN, 0, 0),
            };
        }

        var greedy = CoverLocalSearch.Run(instance, clock);
        var best = greedy;
        var bestCovered = instance.Covered(greedy);
        var bound = instance.TrivialBound();
        var optimal = Reaches(bestCovered, bound);
        var method = "heuristic";
        if (!optimal && !clock.Expired)
        {
            var mip = CoverMip.Solve(instance, greedy, clock);
            bound = Math.Min(bound, mip.Bound);
            if (mip.Open is { } open && mip.Covered >= bestCovered)
            {
                best = open;
                bestCovered = mip.Covered;
                method = "mip";
            }

            optimal = mip.Optimal || Reaches(bestCovered, bound);
        }

        var sites = reduction.ToCandidates(problem, best);
        return Answer(problem, sites, preCovered + Math.Max(bound, bestCovered), optimal, method, clock) with
        {
            Stats = new PlacementStats(instance.Sites, instance.Groups, preCovered + instance.Covered(greedy), preCovered + bound, 0, 0),
        };
    }

    private static bool Reaches(double covered, double bound) => bound - covered <= 1e-9 * Math.Max(1, Math.Abs(bound));

    private static PlacementSolution Answer(PlacementProblem problem, int[] sites, double upperBound, bool optimal, string method, SolveClock clock)
    {
        var covered = PlacementObjective.CoveredWeight(problem, sites);
        var bound = optimal ? covered : Math.Max(upperBound, covered);
        return new PlacementSolution(
            PlacementModel.Mclp,
            sites,
            [.. sites.Select(s => problem.CandidateIds[s])],
            covered,
            covered,
            PlacementObjective.PreCoveredWeight(problem),
            problem.Weights.Sum(),
            optimal,
            PlacementObjective.Gap(covered, bound, optimal),
            bound,
            (long)clock.Elapsed.TotalMilliseconds,
            method);
    }
}
