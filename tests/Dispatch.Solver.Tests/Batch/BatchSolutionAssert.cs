using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>Checks a solution against its problem without trusting the solver's own bookkeeping.</summary>
internal static class BatchSolutionAssert
{
    public static int[] Choice(BatchProblem problem, BatchSolution solution)
    {
        var choice = Enumerable.Repeat(-1, problem.Incidents.Count).ToArray();
        foreach (var assignment in solution.Assignments)
        {
            Assert.Equal(-1, choice[assignment.IncidentIndex]);
            choice[assignment.IncidentIndex] = assignment.OptionIndex;
        }

        return choice;
    }

    public static void IsConsistent(BatchProblem problem, BatchSolution solution)
    {
        var choice = Choice(problem, solution);
        Assert.True(ExhaustiveBatchSolver.IsFeasible(problem, choice), "the solution shares a resource or overdraws a part");

        foreach (var assignment in solution.Assignments)
        {
            var incident = problem.Incidents[assignment.IncidentIndex];
            var option = incident.Options[assignment.OptionIndex];
            Assert.Equal(incident.Id, assignment.IncidentId);
            Assert.Equal(option.ResourceIndex, assignment.ResourceIndex);
            Assert.Equal(option.Payload, assignment.Payload);
            Assert.Equal(option.Part, assignment.Part);
            Assert.Equal(incident.PriorityWeight * option.Cost, assignment.WeightedCost);
        }

        var unassigned = solution.Unassigned.Select(u => u.IncidentIndex).Order().ToList();
        Assert.Equal(Enumerable.Range(0, choice.Length).Where(i => choice[i] < 0).ToList(), unassigned);

        var exact = ExhaustiveBatchSolver.Objective(problem, choice);
        Assert.Equal(exact, solution.Objective, 1e-9);
        Assert.Equal(solution.Breakdown.Total, solution.Objective);
        Assert.True(solution.BestBound <= solution.Objective + 1e-9, $"bound {solution.BestBound} above objective {solution.Objective}");
        Assert.InRange(solution.Gap, 0, 1);
    }

    public static void IsOptimal(double expected, BatchSolution solution)
    {
        Assert.True(solution.Optimal, "the solver did not prove optimality");
        Assert.Equal(0, solution.Gap);
        var tolerance = 1e-6 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(solution.Objective - expected) <= tolerance, $"objective {solution.Objective} but the optimum is {expected}");
        Assert.True(solution.BestBound <= expected + tolerance, $"bound {solution.BestBound} above the optimum {expected}");
    }
}
