using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>The batch optimum against exhaustive search on seeded random small instances (up to 6 incidents and
/// 8 units, contended parts, coverage terms, incidents without options).</summary>
public sealed class BatchSolverExhaustiveTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 240)];

    public static TheoryData<int> UnprunedSeeds => [.. Enumerable.Range(1001, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomSmallInstance_MatchesExhaustiveOptimum(int seed)
    {
        var problem = RandomBatchProblems.Create(seed);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        BatchSolutionAssert.IsConsistent(problem, solution);
        BatchSolutionAssert.IsOptimal(ExhaustiveBatchSolver.Optimum(problem), solution);
    }

    [Theory]
    [MemberData(nameof(UnprunedSeeds))]
    public void Solve_RandomSmallInstanceWithoutPruning_MatchesExhaustiveOptimum(int seed)
    {
        var problem = RandomBatchProblems.Create(seed);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried with { Prune = false });

        Assert.Equal(solution.OptionsGiven, solution.OptionsKept + DroppedForNoStock(problem));
        BatchSolutionAssert.IsConsistent(problem, solution);
        BatchSolutionAssert.IsOptimal(ExhaustiveBatchSolver.Optimum(problem), solution);
    }

    /// <summary>Guards the property test against a generator that drifted into easy cases.</summary>
    [Fact]
    public void RandomInstances_CoverEveryKindOfContention()
    {
        var solutions = Enumerable.Range(1, 240)
            .Select(seed => (Problem: RandomBatchProblems.Create(seed), Seed: seed))
            .Select(pair => (pair.Problem, Solution: new BatchSolver().Solve(pair.Problem, BatchTestOptions.Unhurried)))
            .ToList();

        Assert.All(solutions, s => Assert.True(s.Solution.Optimal));
        var reasons = solutions.SelectMany(s => s.Solution.Unassigned).Select(u => u.Reason).ToList();
        Assert.True(solutions.Count(s => s.Solution.LostCoverage.Count > 0) >= 10, "too few instances lose coverage");
        Assert.True(solutions.Count(s => UsesAllStockOfSomePart(s.Problem, s.Solution)) >= 20, "too few instances exhaust a part");
        Assert.True(reasons.Count(r => r == BatchReasonCodes.NoEligibleUnit) >= 10);
        Assert.True(reasons.Count(r => r == BatchReasonCodes.UnitsTakenByOtherIncidents) >= 10);
        Assert.Contains(BatchReasonCodes.PartsTakenByOtherIncidents, reasons);
        Assert.Contains(BatchReasonCodes.CheaperUnassigned, reasons);
        Assert.True(solutions.Count(s => s.Solution.Method == BatchSolveMethod.CpSat) >= 100);
        Assert.Contains(solutions, s => s.Solution.Method == BatchSolveMethod.Assignment);
        Assert.True(solutions.Sum(s => s.Solution.OptionsKept) < solutions.Sum(s => s.Solution.OptionsGiven), "pruning never removed anything");
    }

    private static bool UsesAllStockOfSomePart(BatchProblem problem, BatchSolution solution) =>
        solution.Assignments
            .Where(a => a.Part is not null)
            .GroupBy(a => a.Part!.Value)
            .Any(group => group.Count() == problem.Available(group.Key)
                && problem.Incidents.Count(i => i.Options.Any(o => o.Part == group.Key)) > group.Count());

    private static int DroppedForNoStock(BatchProblem problem) =>
        problem.Incidents.Sum(i => i.Options.Count(o => o.Part is { } key && problem.Available(key) <= 0));
}
