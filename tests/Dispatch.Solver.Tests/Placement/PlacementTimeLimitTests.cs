using Dispatch.Solver.Placement;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>A run over its time limit answers with its best solution and an honest gap, never an exception; a
/// cancelled run throws.</summary>
public sealed class PlacementTimeLimitTests
{
    /// <summary>400 points on a 100 x 100 square, Manhattan distances: far too big to prove in a millisecond.</summary>
    private static PlacementProblem Large(PlacementModel model, int k)
    {
        var random = new Random(42);
        var points = Enumerable.Range(0, 400).Select(_ => (X: random.Next(100), Y: random.Next(100))).ToArray();
        var ids = points.Select((_, i) => $"v{i}").ToArray();
        return new PlacementProblem
        {
            Model = model,
            K = k,
            CandidateIds = ids,
            DemandIds = ids,
            Weights = [.. points.Select(_ => (double)random.Next(1, 5))],
            Times = [.. points.Select(a => points.Select(b => (double)(Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y))).ToArray())],
            Standards = model == PlacementModel.Mclp ? [.. points.Select(_ => 6.0)] : null,
        };
    }

    [Theory]
    [InlineData(PlacementModel.PMedian)]
    [InlineData(PlacementModel.Mclp)]
    public void Solve_TinyTimeLimit_ReturnsBestSolutionWithHonestGap(PlacementModel model)
    {
        var problem = Large(model, 12);

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromMilliseconds(1));

        Assert.Equal(12, solution.Sites.Distinct().Count());
        Assert.True(solution.Optimal || solution.Gap > 0, $"not optimal, yet no gap: {solution}");
        Assert.InRange(solution.Gap, 0, 1);
        if (model == PlacementModel.PMedian)
        {
            Assert.Equal(PlacementObjective.PMedian(problem, [.. solution.Sites]), solution.Objective);
            Assert.True(solution.BestBound <= solution.Objective);
        }
        else
        {
            Assert.Equal(PlacementObjective.CoveredWeight(problem, [.. solution.Sites]), solution.Objective);
            Assert.True(solution.BestBound >= solution.Objective);
        }
    }

    [Fact]
    public void Solve_TimeLimitFromTheProblem_IsUsedWhenNoneIsGiven()
    {
        var problem = Large(PlacementModel.PMedian, 12) with { TimeLimit = TimeSpan.FromMilliseconds(1) };

        var solution = PlacementSolver.Solve(problem);

        Assert.Equal(12, solution.Sites.Count);
        Assert.True(solution.Optimal || solution.Gap > 0);
    }

    [Fact]
    public void Solve_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PlacementSolver.Solve(Large(PlacementModel.PMedian, 5), TimeSpan.FromSeconds(5), cancelled.Token));
    }

    [Fact]
    public void Solve_NonPositiveTimeLimit_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlacementSolver.Solve(Large(PlacementModel.PMedian, 5), TimeSpan.Zero));
    }
}
