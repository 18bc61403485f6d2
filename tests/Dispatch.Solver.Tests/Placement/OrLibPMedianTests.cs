using System.Globalization;
using Dispatch.Solver.Placement;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>OR-Library's p-median instances pmed1–10 (Beasley 1985; see Data/orlib-pmed/README.md): the solver proves
/// each known optimum, reading the files with the last-occurrence rule and Floyd–Warshall.</summary>
public sealed class OrLibPMedianTests
{
    public static TheoryData<string, double> Instances()
    {
        var data = new TheoryData<string, double>();
        foreach (var line in File.ReadAllLines(System.IO.Path.Combine(OrLibPmedFolder.Path, "optima.txt")).Where(l => l.Trim().Length > 0))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            data.Add(fields[0], double.Parse(fields[1], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Fact]
    public void Instances_ListsPmed1To10()
    {
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"pmed{i}"), Instances().Select(row => (string)row[0]));
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Solve_OrLibInstance_ProvesKnownOptimum(string name, double optimum)
    {
        var problem = OrLibPMedian.ReadFile(System.IO.Path.Combine(OrLibPmedFolder.Path, name + ".txt"));

        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(60));

        Assert.True(solution.Optimal);
        Assert.Equal(optimum, solution.Objective);
        Assert.Equal(optimum, solution.BestBound);
        Assert.Equal(0, solution.Gap);
        Assert.Equal(problem.K, solution.Sites.Distinct().Count());
        Assert.Equal(optimum, PlacementObjective.PMedian(problem, [.. solution.Sites]));
        Assert.Equal(solution.Sites.Select(s => problem.CandidateIds[s]), solution.SiteIds);
    }

    [Fact]
    public void ReadFile_Pmed1_HeaderAndDistancesFollowTheFile()
    {
        var problem = OrLibPMedian.ReadFile(System.IO.Path.Combine(OrLibPmedFolder.Path, "pmed1.txt"));

        Assert.Equal(PlacementModel.PMedian, problem.Model);
        Assert.Equal(5, problem.K);
        Assert.Equal(100, problem.CandidateIds.Count);
        Assert.Equal(problem.CandidateIds, problem.DemandIds);
        Assert.All(problem.Weights, w => Assert.Equal(1.0, w));
        Assert.Equal("1", problem.CandidateIds[0]);
        Assert.Equal(0, problem.Times[4][4]);
        // Edge "3 4 1" is the shortest way between vertices 3 and 4.
        Assert.Equal(1, problem.Times[2][3]);
        Assert.Equal(problem.Times[2][3], problem.Times[3][2]);
    }

    [Fact]
    public void Parse_PairListedTwice_LastCostWinsThenShortestPaths()
    {
        // 1-2 is listed as 5 and then as 9: the file means 9. 1-3 only goes through 2.
        var problem = OrLibPMedian.Parse(" 3 3 1\n 1 2 5\n 2 3 1\n 2 1 9\n");

        Assert.Equal(9, problem.Times[0][1]);
        Assert.Equal(9, problem.Times[1][0]);
        Assert.Equal(10, problem.Times[0][2]);
        Assert.Equal(1, problem.Times[2][1]);
    }

    [Fact]
    public void Parse_ShorterPathThanEdge_TakesThePath()
    {
        var problem = OrLibPMedian.Parse("3 3 2\n1 2 10\n1 3 2\n3 2 3\n");

        Assert.Equal(5, problem.Times[0][1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3 2 4\n1 2 1\n2 3 1\n")]
    [InlineData("3 2 1\n1 2 1\n")]
    [InlineData("3 1 1\n1 4 1\n")]
    [InlineData("3 1 1\n1 x 1\n")]
    public void Parse_MalformedFile_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => OrLibPMedian.Parse(text));
    }
}
