using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>The two solving paths and the pruning agree on larger random instances than exhaustive search can take.</summary>
public sealed class BatchSolverPathTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(500, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_PlainAssignment_FastPathAgreesWithCpSat(int seed)
    {
        var problem = RandomBatchProblems.Create(seed, maxIncidents: 14, maxUnits: 18, withParts: false, withCoverage: false, minSize: 6);
        var solver = new BatchSolver();

        var fast = solver.Solve(problem, BatchTestOptions.Unhurried);
        var cpSat = solver.Solve(problem, BatchTestOptions.Unhurried with { UseAssignmentFastPath = false });

        Assert.Equal(BatchSolveMethod.Assignment, fast.Method);
        Assert.Equal(BatchSolveMethod.CpSat, cpSat.Method);
        BatchSolutionAssert.IsConsistent(problem, fast);
        BatchSolutionAssert.IsConsistent(problem, cpSat);
        BatchSolutionAssert.IsOptimal(cpSat.Objective, fast);
        Assert.True(cpSat.Optimal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_WithAndWithoutPruning_SameOptimum(int seed)
    {
        var problem = RandomBatchProblems.Create(seed, maxIncidents: 12, maxUnits: 16, minSize: 6);
        var solver = new BatchSolver();

        var pruned = solver.Solve(problem, BatchTestOptions.Unhurried);
        var full = solver.Solve(problem, BatchTestOptions.Unhurried with { Prune = false });

        BatchSolutionAssert.IsConsistent(problem, pruned);
        BatchSolutionAssert.IsConsistent(problem, full);
        Assert.True(full.Optimal);
        BatchSolutionAssert.IsOptimal(full.Objective, pruned);
    }
}
