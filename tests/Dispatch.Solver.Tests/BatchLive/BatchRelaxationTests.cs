using Dispatch.Solver.Batch;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Tests.Batch;

namespace Dispatch.Solver.Tests.BatchLive;

public class BatchRelaxationTests
{
    private static readonly BatchSolverSettings Options = new() { TimeLimit = TimeSpan.FromSeconds(60), Workers = 1, Seed = 1 };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 80)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomProblem_BoundsTheOptimumAndStartsFeasible(int seed)
    {
        var problem = RandomBatchProblems.Create(seed);
        var optimum = ExhaustiveBatchSolver.Optimum(problem);

        var (bound, start) = BatchRelaxation.Solve(new BatchSolver(), problem, Options, TimeSpan.FromMinutes(1));

        Assert.True(bound <= optimum + 1e-6, $"bound {bound} above the optimum {optimum}");
        Assert.NotNull(start);
        Assert.True(ExhaustiveBatchSolver.IsFeasible(problem, start), "the start shares a unit or overdraws a part");
        Assert.True(ExhaustiveBatchSolver.Objective(problem, start) >= optimum - 1e-6);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void BatchSolverSolve_FromTheRelaxationStart_KeepsTheOptimum(int seed)
    {
        var problem = RandomBatchProblems.Create(seed);
        var (_, start) = BatchRelaxation.Solve(new BatchSolver(), problem, Options, TimeSpan.FromMinutes(1));

        var solution = new BatchSolver().Solve(problem, Options, start);

        Assert.True(solution.Optimal);
        Assert.Equal(ExhaustiveBatchSolver.Optimum(problem), solution.Objective, 1e-6);
    }
}
