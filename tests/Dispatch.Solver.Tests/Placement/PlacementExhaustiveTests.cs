using Dispatch.Solver.Placement;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>On small random problems the solver's proven optimum equals the best of every set of k candidates, for
/// both models, with and without pre-covered (<c>existing</c>) demand.</summary>
public sealed class PlacementExhaustiveTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomPMedian_MatchesExhaustiveSearch(int seed)
    {
        var problem = RandomPlacementProblems.Create(seed, PlacementModel.PMedian);

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(30));

        AssertOptimal(problem, solution);
        Assert.Equal(PlacementObjective.PMedian(problem, [.. solution.Sites]), solution.Objective);
        Assert.Null(solution.CoveredWeight);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomMclp_MatchesExhaustiveSearch(int seed)
    {
        var problem = RandomPlacementProblems.Create(seed, PlacementModel.Mclp);

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(30));

        AssertOptimal(problem, solution);
        Assert.Equal(solution.Objective, solution.CoveredWeight);
        Assert.Equal(0, solution.PreCoveredWeight);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomMclpWithPreCoveredDemand_MatchesExhaustiveSearch(int seed)
    {
        var problem = RandomPlacementProblems.Create(seed, PlacementModel.Mclp, preCovered: true);

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(30));

        AssertOptimal(problem, solution);
        Assert.Equal(PlacementObjective.PreCoveredWeight(problem), solution.PreCoveredWeight);
        Assert.True(solution.CoveredWeight >= solution.PreCoveredWeight);
    }

    [Fact]
    public void Solve_KEqualsCandidates_OpensEverySite()
    {
        var random = RandomPlacementProblems.Create(7, PlacementModel.PMedian);
        var problem = random with { K = random.CandidateIds.Count };

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(5));

        Assert.Equal(Enumerable.Range(0, problem.CandidateIds.Count), solution.Sites);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_AllWeightsZero_AnyKSitesAtCostZero()
    {
        var problem = RandomPlacementProblems.Create(11, PlacementModel.PMedian);
        problem = problem with { Weights = [.. problem.Weights.Select(_ => 0.0)] };

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(5));

        Assert.Equal(0, solution.Objective);
        Assert.True(solution.Optimal);
        Assert.Equal(problem.K, solution.Sites.Count);
    }

    [Fact]
    public void Solve_MclpNobodyInReach_CoversOnlyPreCovered()
    {
        var problem = RandomPlacementProblems.Create(3, PlacementModel.Mclp, preCovered: true);
        problem = problem with { Standards = [.. problem.DemandIds.Select(_ => 0.0)], Times = [.. problem.Times.Select(row => row.Select(t => t + 1).ToArray())] };

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(5));

        Assert.Equal(PlacementObjective.PreCoveredWeight(problem), solution.CoveredWeight);
        Assert.True(solution.Optimal);
        Assert.Equal(problem.K, solution.Sites.Count);
    }

    private static void AssertOptimal(PlacementProblem problem, PlacementSolution solution)
    {
        var optimum = PlacementBruteForce.Optimum(problem);
        Assert.True(solution.Optimal, $"not proven optimal: {solution}");
        Assert.Equal(optimum, solution.Objective, 9);
        Assert.Equal(0, solution.Gap);
        Assert.Equal(problem.K, solution.Sites.Count);
        Assert.Equal(solution.Sites.Order(), solution.Sites);
        Assert.Equal(problem.K, solution.Sites.Distinct().Count());
        Assert.Equal(solution.Sites.Select(s => problem.CandidateIds[s]), solution.SiteIds);
    }
}
