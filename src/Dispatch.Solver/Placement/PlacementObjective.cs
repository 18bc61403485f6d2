namespace Dispatch.Solver.Placement;

/// <summary>The objectives of docs/dispatch-semantics.md "Placement", computed from the problem's own arrays: answers and tests use
/// these, never a solver's internal (reduced, merged) numbers.</summary>
public static class PlacementObjective
{
    /// <summary>The sum over demand of <c>w_d * min over open s of Times[s][d]</c> (and of
    /// <see cref="PlacementProblem.ExistingTimes"/>, when given).</summary>
    public static double PMedian(PlacementProblem problem, IReadOnlyCollection<int> open)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(open);
        var total = 0.0;
        for (var d = 0; d < problem.DemandIds.Count; d++)
        {
            var w = problem.Weights[d];
            if (w == 0)
            {
                continue;
            }

            var best = problem.ExistingTimes?[d] ?? double.PositiveInfinity;
            foreach (var s in open)
            {
                best = Math.Min(best, problem.Times[s][d]);
            }

            total += w * best;
        }

        return total;
    }

    /// <summary>The weight of demand that is pre-covered or within its standard of an open site.</summary>
    public static double CoveredWeight(PlacementProblem problem, IReadOnlyCollection<int> open)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(open);
        var standards = problem.Standards ?? throw new ArgumentException("an mclp problem needs standards", nameof(problem));
        var total = 0.0;
        for (var d = 0; d < problem.DemandIds.Count; d++)
        {
            if (problem.PreCovered?[d] == true || open.Any(s => problem.Times[s][d] <= standards[d]))
            {
                total += problem.Weights[d];
            }
        }

        return total;
    }

    /// <summary>The weight of demand already covered before any site opens.</summary>
    public static double PreCoveredWeight(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var total = 0.0;
        for (var d = 0; d < problem.DemandIds.Count; d++)
        {
            if (problem.PreCovered?[d] == true)
            {
                total += problem.Weights[d];
            }
        }

        return total;
    }

    /// <summary><c>|objective - bound| / max(|objective|, |bound|)</c>, 0 when optimal or both are 0.</summary>
    public static double Gap(double objective, double bound, bool optimal)
    {
        if (optimal)
        {
            return 0;
        }

        var scale = Math.Max(Math.Abs(objective), Math.Abs(bound));
        return scale == 0 ? 0 : Math.Abs(objective - bound) / scale;
    }
}
