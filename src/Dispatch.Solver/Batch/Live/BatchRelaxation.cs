using System.Diagnostics;

namespace Dispatch.Solver.Batch.Live;

/// <summary>
/// The assignment relaxation of a batch part: the same incidents and options without part stock and without the
/// coverage term. Dropping constraints and a term that is never negative can only lower the optimum, and what is
/// left is a plain assignment problem that the solver settles exactly and fast; so its optimum is a lower bound on
/// the part's optimum. Its answer, once the few options that overdraw a part line are swapped out, is also a good
/// feasible start for CP-SAT: surge objectives are mostly penalties and travel, where the relaxation is close.
/// </summary>
internal static class BatchRelaxation
{
    // Re-solves with overdrawn part lines closed to the incidents that lost them; a few rounds settle a surge.
    private const int MaxRounds = 6;

    /// <summary>The relaxation's bound and a feasible start. The first two rounds always run (the second settles
    /// nearly every overdrawn line, as each full line is closed to all but its keepers); later ones only within
    /// <paramref name="budget"/>.</summary>
    public static (double Bound, int[]? Start) Solve(BatchSolver solver, BatchProblem problem, BatchSolverSettings settings, TimeSpan budget)
    {
        var started = Stopwatch.GetTimestamp();
        var closed = new HashSet<(int Incident, PartKey Part)>();
        double bound = double.NegativeInfinity;
        int[]? choice = null;
        for (var round = 0; round < MaxRounds && (round < 2 || Stopwatch.GetElapsedTime(started) < budget); round++)
        {
            var solution = solver.Solve(Relaxed(problem, closed), settings);
            if (!solution.Optimal)
            {
                break;
            }

            if (round == 0)
            {
                // Only the first round is a relaxation; the later ones close options and bound nothing.
                bound = solution.BestBound;
            }

            choice = Enumerable.Repeat(-1, problem.Incidents.Count).ToArray();
            foreach (var assignment in solution.Assignments)
            {
                choice[assignment.IncidentIndex] = assignment.Payload;
            }

            if (!CloseOverdrawn(problem, choice, closed))
            {
                break;
            }
        }

        return (bound, choice is null ? null : Repair(problem, choice));
    }

    /// <summary>The problem without stock and coverage, and without the closed (incident, part line) options; each
    /// option's payload is its position in the original incident.</summary>
    private static BatchProblem Relaxed(BatchProblem problem, HashSet<(int Incident, PartKey Part)> closed) => problem with
    {
        Incidents = [.. problem.Incidents.Select((incident, i) => incident with
        {
            Options = [.. incident.Options
                .Select((o, index) => (o, index))
                .Where(pair => pair.o.Part is not { } key || !closed.Contains((i, key)))
                .Select(pair => pair.o with { Part = null, Payload = pair.index })],
        })],
        PartsAvailable = new Dictionary<PartKey, int>(),
        Coverage = [],
    };

    /// <summary>For each part line chosen more often than its stock, keeps it for the incidents with the highest
    /// penalty (then incident order) and closes it to every other incident, so that later rounds cannot pile onto
    /// a line that is already full. False when nothing is overdrawn.</summary>
    private static bool CloseOverdrawn(BatchProblem problem, int[] choice, HashSet<(int Incident, PartKey Part)> closed)
    {
        var any = false;
        var users = Enumerable.Range(0, choice.Length)
            .Where(i => choice[i] >= 0 && problem.Incidents[i].Options[choice[i]].Part is not null)
            .GroupBy(i => problem.Incidents[i].Options[choice[i]].Part!.Value);
        foreach (var line in users)
        {
            var stock = problem.Available(line.Key);
            if (line.Count() < stock)
            {
                continue;
            }

            any |= line.Count() > stock;
            var keep = line.OrderByDescending(i => problem.Incidents[i].UnassignedPenalty).ThenBy(i => i).Take(stock).ToHashSet();
            for (var i = 0; i < problem.Incidents.Count; i++)
            {
                if (!keep.Contains(i))
                {
                    closed.Add((i, line.Key));
                }
            }
        }

        return any;
    }

    /// <summary>Keeps each choice whose part is still in stock (in incident order), moves the others to their
    /// cheapest option still free, and then gives incidents left out their cheapest free option when it costs less
    /// than their penalty.</summary>
    private static int[] Repair(BatchProblem problem, int[] choice)
    {
        var taken = new bool[problem.Resources.Count];
        var used = new Dictionary<PartKey, int>();
        foreach (var (i, o) in choice.Select((o, i) => (i, o)).Where(pair => pair.o >= 0))
        {
            taken[problem.Incidents[i].Options[o].ResourceIndex] = true;
        }

        for (var i = 0; i < choice.Length; i++)
        {
            if (choice[i] < 0 || problem.Incidents[i].Options[choice[i]].Part is not { } key)
            {
                continue;
            }

            if (used.GetValueOrDefault(key) < problem.Available(key))
            {
                used[key] = used.GetValueOrDefault(key) + 1;
                continue;
            }

            taken[problem.Incidents[i].Options[choice[i]].ResourceIndex] = false;
            choice[i] = CheapestFree(problem, i, taken, used, double.PositiveInfinity);
            Take(problem, i, choice[i], taken, used);
        }

        for (var i = 0; i < choice.Length; i++)
        {
            if (choice[i] < 0)
            {
                var incident = problem.Incidents[i];
                choice[i] = CheapestFree(problem, i, taken, used, incident.UnassignedPenalty);
                Take(problem, i, choice[i], taken, used);
            }
        }

        return choice;
    }

    private static int CheapestFree(BatchProblem problem, int i, bool[] taken, Dictionary<PartKey, int> used, double below)
    {
        var incident = problem.Incidents[i];
        var best = -1;
        for (var o = 0; o < incident.Options.Count; o++)
        {
            var option = incident.Options[o];
            var free = !taken[option.ResourceIndex] && (option.Part is not { } key || used.GetValueOrDefault(key) < problem.Available(key));
            if (free && incident.PriorityWeight * option.Cost < below && (best < 0 || option.Cost < incident.Options[best].Cost))
            {
                best = o;
            }
        }

        return best;
    }

    private static void Take(BatchProblem problem, int i, int o, bool[] taken, Dictionary<PartKey, int> used)
    {
        if (o < 0)
        {
            return;
        }

        var option = problem.Incidents[i].Options[o];
        taken[option.ResourceIndex] = true;
        if (option.Part is { } key)
        {
            used[key] = used.GetValueOrDefault(key) + 1;
        }
    }
}
