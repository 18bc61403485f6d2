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
    public void Solve_RandomPMedianWithTodaysUnits_MatchesExhaustiveSearch(int seed)
    {
        var problem = RandomPlacementProblems.Create(seed, PlacementModel.PMedian, existing: true);

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(30));

        AssertOptimal(problem, solution);
        Assert.Equal(PlacementObjective.PMedian(problem, [.. solution.Sites]), solution.Objective);
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
        var problem = RandomPlacementProblems.Create(seed, PlacementModel.Mclp, existing: true);

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
        var problem = RandomPlacementProblems.Create(3, PlacementModel.Mclp, existing: true);
        problem = problem with { Standards = [.. problem.DemandIds.Select(_ => 0.0)], Times = [.. problem.Times.Select(row => row.Select(t => t + 1).ToArray())] };

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(5));

        Assert.Equal(PlacementObjective.PreCoveredWeight(problem), solution.CoveredWeight);
        Assert.True(solution.Optimal);
        Assert.Equal(problem.K, solution.Sites.Count);
    }

    [Fact]
    public void Solve_PMedianTodaysUnitsAlreadyNearest_PadsWithTheSitesBestOnRawTimes()
    {
        // Today's units are at every demand point (time 0): no site changes the cost, so the answer names the sites
        // the question would pick without them; site 2 is nearest to everybody.
        var problem = new PlacementProblem
        {
            Model = PlacementModel.PMedian,
            K = 1,
            CandidateIds = ["a", "b", "c"],
            DemandIds = ["x", "y"],
            Weights = [1, 1],
            Times = [[9, 9], [5, 8], [1, 2]],
            ExistingTimes = [0, 0],
        };

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(5));

        Assert.Equal(["c"], solution.SiteIds);
        Assert.Equal(0, solution.Objective);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_MclpEverythingPreCovered_PadsWithTheWidestRawReach()
    {
        var problem = new PlacementProblem
        {
            Model = PlacementModel.Mclp,
            K = 2,
            CandidateIds = ["a", "b", "c", "d"],
            DemandIds = ["x", "y", "z"],
            Weights = [1, 2, 4],
            Times = [[1, 9, 9], [9, 9, 1], [1, 1, 9], [9, 9, 9]],
            Standards = [5, 5, 5],
            PreCovered = [true, true, true],
        };

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(5));

        // b backs up z (4), then c adds x and y (3).
        Assert.Equal(["b", "c"], solution.SiteIds);
        Assert.Equal(7, solution.CoveredWeight);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_PMedianEquivalentSites_KeepsTheOneNearestOnRawTimes()
    {
        // With today's units capping every time at 3, sites b and c are the same; c is nearer without the cap.
        var problem = new PlacementProblem
        {
            Model = PlacementModel.PMedian,
            K = 1,
            CandidateIds = ["a", "b", "c"],
            DemandIds = ["x", "y"],
            Weights = [1, 1],
            Times = [[2, 9], [1, 8], [1, 4]],
            ExistingTimes = [3, 3],
        };

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(5));

        Assert.Equal(4, solution.Objective);
        Assert.Equal(["c"], solution.SiteIds);
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
