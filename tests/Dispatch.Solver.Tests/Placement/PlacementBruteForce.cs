using Dispatch.Solver.Placement;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>The optimum by trying every set of k candidates.</summary>
internal static class PlacementBruteForce
{
    public static double Optimum(PlacementProblem problem)
    {
        var best = problem.Model == PlacementModel.PMedian ? double.PositiveInfinity : double.NegativeInfinity;
        foreach (var subset in Subsets(problem.CandidateIds.Count, problem.K))
        {
            var value = problem.Model == PlacementModel.PMedian
                ? PlacementObjective.PMedian(problem, subset)
                : PlacementObjective.CoveredWeight(problem, subset);
            best = problem.Model == PlacementModel.PMedian ? Math.Min(best, value) : Math.Max(best, value);
        }

        return best;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var current = new int[k];
        return Recurse(0, 0);

        IEnumerable<int[]> Recurse(int start, int depth)
        {
            if (depth == k)
            {
                yield return (int[])current.Clone();
                yield break;
            }

            for (var i = start; i <= n - (k - depth); i++)
            {
                current[depth] = i;
                foreach (var subset in Recurse(i + 1, depth + 1))
                {
                    yield return subset;
                }
            }
        }
    }
}
