namespace Dispatch.Solver.Placement;

/// <summary>
/// Station planning (docs/dispatch-semantics.md "Placement"). p-median: reductions, greedy and fast-interchange swaps, then Lagrangian
/// branch and bound over each client's sites in order of cost (<see cref="MedianBranchAndBound"/>). mclp: reductions
/// (identical cover sets merged, dominated candidates dropped), greedy and swaps, then a MIP in OR-Tools' SCIP for the
/// proof. A run that reaches its time limit answers with the best solution found and an honest gap, never an
/// exception. Deterministic (same problem, same answer) and thread-safe: each call owns its state.
/// </summary>
public static class PlacementSolver
{
    /// <summary>The budget when neither the call nor the problem gives one.</summary>
    public static TimeSpan DefaultTimeLimit { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Solves within <see cref="PlacementProblem.TimeLimit"/> (or <see cref="DefaultTimeLimit"/>).</summary>
    public static PlacementSolution Solve(PlacementProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Solve(problem, problem.TimeLimit ?? DefaultTimeLimit, cancellationToken);
    }

    /// <summary>Solves within <paramref name="timeLimit"/>.</summary>
    /// <exception cref="ArgumentException">The problem is invalid (<see cref="PlacementProblemValidator"/> lists why).</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled: nobody wants the answer any more.</exception>
    public static PlacementSolution Solve(PlacementProblem problem, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        PlacementProblemValidator.ThrowIfInvalid(problem);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeLimit, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var clock = new SolveClock(timeLimit, cancellationToken);
        var solution = problem.Model == PlacementModel.PMedian ? PMedianSolver.Solve(problem, clock) : McLpSolver.Solve(problem, clock);
        cancellationToken.ThrowIfCancellationRequested();
        return solution;
    }
}
