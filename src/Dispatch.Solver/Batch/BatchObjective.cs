namespace Dispatch.Solver.Batch;

/// <summary>The exact objective of docs/dispatch-semantics.md "Batch (surge)", in doubles, for a choice of option per
/// incident (-1 unassigned).</summary>
internal static class BatchObjective
{
    public static (BatchObjectiveBreakdown Breakdown, int[] LostCoverage) Evaluate(BatchProblem problem, int[] optionChoice)
    {
        double weightedCost = 0;
        double unassignedPenalty = 0;
        var taken = new bool[problem.Resources.Count];
        for (var i = 0; i < problem.Incidents.Count; i++)
        {
            var incident = problem.Incidents[i];
            if (optionChoice[i] < 0)
            {
                unassignedPenalty += incident.UnassignedPenalty;
                continue;
            }

            var option = incident.Options[optionChoice[i]];
            weightedCost += incident.PriorityWeight * option.Cost;
            taken[option.ResourceIndex] = true;
        }

        double lostWeight = 0;
        var lost = new List<int>();
        for (var e = 0; e < problem.Coverage.Count; e++)
        {
            var demand = problem.Coverage[e];
            if (demand.CoveringResources.Count > 0 && demand.CoveringResources.All(r => taken[r]))
            {
                lostWeight += demand.Weight;
                lost.Add(e);
            }
        }

        var breakdown = new BatchObjectiveBreakdown(weightedCost, lostWeight, problem.CoverageLambda * lostWeight, unassignedPenalty);
        return (breakdown, [.. lost]);
    }
}
