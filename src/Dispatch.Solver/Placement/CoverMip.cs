using Google.OrTools.LinearSolver;
using LinearSolver = Google.OrTools.LinearSolver.Solver;

namespace Dispatch.Solver.Placement;

/// <summary>What the MIP found: the open sites (null when it found none), their covered weight, and a proven upper
/// bound on any choice's covered weight.</summary>
internal sealed record CoverMipOutcome(int[]? Open, double Covered, double Bound, bool Optimal);

/// <summary>
/// Maximal covering (Church and ReVelle 1974) as a MIP in OR-Tools' SCIP: y_s open, x_g covered,
/// <c>x_g &lt;= sum of y_s over the sites reaching g</c>, <c>sum y = k</c>, maximize <c>sum w_g x_g</c>. x needs no
/// integrality (with y whole its best value is whole), the greedy solution is the hint, and SCIP's bound is the
/// proof. After the reduction the model is small, so SCIP's overhead matters more than its LP here.
/// </summary>
internal static class CoverMip
{
    private const double RelativeGap = 1e-7;

    public static CoverMipOutcome Solve(CoverInstance instance, int[] hint, SolveClock clock)
    {
        using var solver = LinearSolver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP solver in this build.");
        using var interrupt = clock.Cancellation.Register(() => solver.InterruptSolve());
        var y = new Variable[instance.Sites];
        var count = solver.MakeConstraint(instance.K, instance.K, string.Empty);
        for (var s = 0; s < y.Length; s++)
        {
            y[s] = solver.MakeBoolVar(string.Empty);
            count.SetCoefficient(y[s], 1);
        }

        var objective = solver.Objective();
        objective.SetMaximization();
        var x = new Variable[instance.Groups];
        for (var g = 0; g < x.Length; g++)
        {
            x[g] = solver.MakeNumVar(0, 1, string.Empty);
            objective.SetCoefficient(x[g], instance.Weights[g]);
            var row = solver.MakeConstraint(double.NegativeInfinity, 0, string.Empty);
            row.SetCoefficient(x[g], 1);
            foreach (var s in instance.GroupSites[g])
            {
                row.SetCoefficient(y[s], -1);
            }
        }

        var hinted = new double[instance.Sites];
        foreach (var s in hint)
        {
            hinted[s] = 1;
        }

        solver.SetHint(y, hinted);
        solver.SetTimeLimit(clock.RemainingMillis);
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, RelativeGap);
        var status = solver.Solve(parameters);
        if (status is not (LinearSolver.ResultStatus.OPTIMAL or LinearSolver.ResultStatus.FEASIBLE))
        {
            return new CoverMipOutcome(null, 0, double.PositiveInfinity, false);
        }

        var open = Enumerable.Range(0, y.Length).Where(s => y[s].SolutionValue() > 0.5).ToArray();
        var bound = objective.BestBound();
        return new CoverMipOutcome(open, instance.Covered(open), bound, status == LinearSolver.ResultStatus.OPTIMAL);
    }
}
