using System.Globalization;
using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>OR-Library's dense linear assignment instances (Beasley 1990; see TestData/orlib/assign/README.md):
/// the assignment core and the batch solver's fast path reproduce each known optimum exactly.</summary>
public sealed class OrLibAssignmentTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "orlib", "assign");

    public static TheoryData<string, long> Instances()
    {
        var data = new TheoryData<string, long>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "optima.txt")).Where(l => l.Trim().Length > 0))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            data.Add(fields[0], long.Parse(fields[1], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Fact]
    public void Instances_ListsAllFiveFiles()
    {
        Assert.Equal(["assign100", "assign200", "assign300", "assign400", "assign500"], Instances().Select(row => (string)row[0]).ToArray());
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void AssignmentCore_OrLibInstance_ReproducesKnownOptimum(string name, long optimum)
    {
        var costs = ReadCosts(name);
        var n = costs.GetLength(0);
        // A penalty above any perfect matching's cost makes leaving an agent out never pay.
        var penalty = 100L * n + 1;
        var rows = Enumerable.Range(0, n)
            .Select(i => new AssignmentRow(Enumerable.Range(0, n).Select(j => (j, costs[i, j])).ToArray(), penalty))
            .ToArray();

        var choice = AssignmentCore.Solve(rows);

        Assert.NotNull(choice);
        Assert.DoesNotContain(-1, choice);
        Assert.Equal(n, choice.Distinct().Count());
        Assert.Equal(optimum, Enumerable.Range(0, n).Sum(i => costs[i, choice[i]]));
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void BatchSolver_OrLibInstance_ReproducesKnownOptimum(string name, long optimum)
    {
        var costs = ReadCosts(name);
        var n = costs.GetLength(0);
        var resources = Enumerable.Range(0, n).Select(j => new BatchResource($"task{j}", "tow")).ToList();
        var incidents = Enumerable.Range(0, n)
            .Select(i => new BatchIncident(
                $"agent{i}",
                1,
                100.0 * n + 1,
                Enumerable.Range(0, n).Select(j => new BatchOption(j, costs[i, j], null, j)).ToList()))
            .ToList();
        var problem = new BatchProblem(incidents, resources, new Dictionary<PartKey, int>(), [], 0);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(BatchSolveMethod.Assignment, solution.Method);
        Assert.True(solution.Optimal);
        Assert.Empty(solution.Unassigned);
        Assert.Equal(n, solution.Assignments.Select(a => a.ResourceIndex).Distinct().Count());
        Assert.Equal(optimum, solution.Objective);
    }

    /// <summary>Reads n and then n*n costs as a stream of integers, ignoring how lines wrap.</summary>
    private static long[,] ReadCosts(string name)
    {
        var numbers = File.ReadAllText(Path.Combine(Folder, name + ".txt"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(token => long.Parse(token, CultureInfo.InvariantCulture))
            .ToArray();
        var n = (int)numbers[0];
        Assert.Equal(1 + (n * n), numbers.Length);
        var costs = new long[n, n];
        for (var k = 0; k < n * n; k++)
        {
            costs[k / n, k % n] = numbers[1 + k];
        }

        return costs;
    }
}
