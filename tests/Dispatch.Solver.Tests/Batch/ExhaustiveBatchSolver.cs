using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>The test oracle: tries every way to give each incident one option or none, skips those that share a
/// resource or use more parts than stock, and returns the least objective, computed from the definition in
/// docs/dispatch-semantics.md "Batch (surge)". No pruning, no scaling.</summary>
internal static class ExhaustiveBatchSolver
{
    public static double Optimum(BatchProblem problem)
    {
        var choice = new int[problem.Incidents.Count];
        var taken = new bool[problem.Resources.Count];
        var partsUsed = new Dictionary<PartKey, int>();
        var best = double.PositiveInfinity;
        Search(0);
        return best;

        void Search(int incident)
        {
            if (incident == choice.Length)
            {
                best = Math.Min(best, Objective(problem, choice));
                return;
            }

            var options = problem.Incidents[incident].Options;
            for (var o = -1; o < options.Count; o++)
            {
                if (o < 0)
                {
                    choice[incident] = -1;
                    Search(incident + 1);
                    continue;
                }

                var option = options[o];
                var part = option.Part;
                if (taken[option.ResourceIndex]
                    || (part is { } key && partsUsed.GetValueOrDefault(key) >= problem.PartsAvailable.GetValueOrDefault(key)))
                {
                    continue;
                }

                taken[option.ResourceIndex] = true;
                if (part is { } used)
                {
                    partsUsed[used] = partsUsed.GetValueOrDefault(used) + 1;
                }

                choice[incident] = o;
                Search(incident + 1);

                taken[option.ResourceIndex] = false;
                if (part is { } released)
                {
                    partsUsed[released]--;
                }
            }
        }
    }

    public static bool IsFeasible(BatchProblem problem, int[] choice)
    {
        var resources = new HashSet<int>();
        var parts = new Dictionary<PartKey, int>();
        for (var i = 0; i < choice.Length; i++)
        {
            if (choice[i] < 0)
            {
                continue;
            }

            var option = problem.Incidents[i].Options[choice[i]];
            if (!resources.Add(option.ResourceIndex))
            {
                return false;
            }

            if (option.Part is { } key)
            {
                parts[key] = parts.GetValueOrDefault(key) + 1;
                if (parts[key] > problem.PartsAvailable.GetValueOrDefault(key))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static double Objective(BatchProblem problem, int[] choice)
    {
        double total = 0;
        var taken = new bool[problem.Resources.Count];
        for (var i = 0; i < choice.Length; i++)
        {
            var incident = problem.Incidents[i];
            if (choice[i] < 0)
            {
                total += incident.UnassignedPenalty;
            }
            else
            {
                total += incident.PriorityWeight * incident.Options[choice[i]].Cost;
                taken[incident.Options[choice[i]].ResourceIndex] = true;
            }
        }

        foreach (var demand in problem.Coverage)
        {
            var coveredBefore = demand.CoveringResources.Count > 0;
            if (coveredBefore && demand.CoveringResources.All(r => taken[r]))
            {
                total += problem.CoverageLambda * demand.Weight;
            }
        }

        return total;
    }
}
