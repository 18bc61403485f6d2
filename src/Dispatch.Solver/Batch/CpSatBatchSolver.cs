using System.Globalization;
using Google.OrTools.Sat;

namespace Dispatch.Solver.Batch;

/// <summary>What a solver run found: a choice per incident (candidate position, -1 unassigned), the scaled lower
/// bound it proved, and whether the choice is proven optimal for the model.</summary>
internal sealed record ModelOutcome(int[] Choice, double ScaledBound, bool Optimal);

/// <summary>
/// The batch model of docs/dispatch-semantics.md "Batch (surge)" in CP-SAT: one Boolean per kept candidate and per
/// incident's "unassigned", exactly one of them per incident; at most one candidate per resource; at most the stock per
/// binding part; and a "lost" Boolean per live coverage term that must be true when every covering resource is taken.
/// </summary>
internal static class CpSatBatchSolver
{
    public static ModelOutcome Solve(BatchModel model, BatchSolverSettings settings, int[] hint)
    {
        var cp = new CpModel();
        var variables = new List<ILiteral>();
        var coefficients = new List<long>();
        var chosen = new BoolVar[model.IncidentCount][];
        var byResource = new Dictionary<int, List<BoolVar>>();
        var bySlot = new Dictionary<int, List<BoolVar>>();

        for (var i = 0; i < model.IncidentCount; i++)
        {
            var candidates = model.Candidates[i];
            chosen[i] = new BoolVar[candidates.Length];
            var unassigned = cp.NewBoolVar($"u{i}");
            variables.Add(unassigned);
            coefficients.Add(model.Penalty[i]);
            cp.AddHint(unassigned, hint[i] < 0);
            for (var c = 0; c < candidates.Length; c++)
            {
                var x = chosen[i][c] = cp.NewBoolVar($"x{i}_{c}");
                variables.Add(x);
                coefficients.Add(candidates[c].Cost);
                cp.AddHint(x, hint[i] == c);
                Group(byResource, candidates[c].Resource, x);
                if (candidates[c].PartSlot >= 0)
                {
                    Group(bySlot, candidates[c].PartSlot, x);
                }
            }

            cp.AddExactlyOne(chosen[i].Append(unassigned));
        }

        var covered = model.Coverage.SelectMany(term => term.Resources).ToHashSet();
        var taken = new Dictionary<int, BoolVar>();
        foreach (var (resource, users) in byResource)
        {
            if (covered.Contains(resource))
            {
                // "taken" is exactly the sum of its users, which also caps that sum at one.
                var isTaken = taken[resource] = cp.NewBoolVar($"t{resource}");
                cp.Add(LinearExpr.Sum(users) == isTaken);
            }
            else if (users.Count > 1)
            {
                cp.AddAtMostOne(users);
            }
        }

        foreach (var (slot, users) in bySlot)
        {
            cp.Add(LinearExpr.Sum(users) <= model.PartCapacity[slot]);
        }

        foreach (var term in model.Coverage)
        {
            // lost or some coverer stays free; lost has a positive cost, so it is true only when it must be.
            var lost = cp.NewBoolVar($"lost{term.Entry}");
            cp.AddBoolOr(term.Resources.Select(r => taken[r].Not()).Append(lost));
            variables.Add(lost);
            coefficients.Add(term.Weight);
        }

        cp.Minimize(LinearExpr.WeightedSum(variables, coefficients));

        // linearization_level 2 puts the assignment structure into CP-SAT's LP: its bound then closes the gap at
        // once, where the default level left a single worker searching for seconds on 10 x 16 instances.
        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:{settings.Workers} random_seed:{settings.Seed} max_time_in_seconds:{settings.TimeLimit.TotalSeconds:R} linearization_level:2"),
        };
        var status = solver.Solve(cp);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            if (status == CpSolverStatus.Unknown)
            {
                // No solution within the time limit: keep the hint (always feasible) and prove nothing.
                return new ModelOutcome(hint, model.TrivialBound(), false);
            }

            throw new InvalidOperationException($"CP-SAT returned {status} for a batch model that is always feasible.");
        }

        var choice = new int[model.IncidentCount];
        for (var i = 0; i < model.IncidentCount; i++)
        {
            choice[i] = Array.FindIndex(chosen[i], x => solver.BooleanValue(x));
        }

        var bound = Math.Max(solver.BestObjectiveBound, model.TrivialBound());
        return new ModelOutcome(choice, bound, status == CpSolverStatus.Optimal);
    }

    private static void Group(Dictionary<int, List<BoolVar>> groups, int key, BoolVar x)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(x);
    }
}
