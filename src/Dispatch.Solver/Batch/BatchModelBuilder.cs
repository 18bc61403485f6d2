namespace Dispatch.Solver.Batch;

/// <summary>
/// Turns a <see cref="BatchProblem"/> into the integer <see cref="BatchModel"/>. Every simplification here keeps the
/// optimum of the full scaled problem:
/// an option whose part has no stock can never be chosen; a part key used by no more incidents than its stock can
/// never run out, so its constraint is dropped; a demand entry with a coverer that no option uses can never be lost,
/// so its term is dropped; and <see cref="CandidatePruner"/> removes only options proven unable to change the optimum.
/// </summary>
internal static class BatchModelBuilder
{
    public static BatchModel Build(BatchProblem problem, ObjectiveScale scale, bool prune)
    {
        var incidentCount = problem.Incidents.Count;
        var penalty = problem.Incidents.Select(incident => scale.Scale(incident.UnassignedPenalty)).ToArray();
        var candidates = UsableCandidates(problem, scale);

        if (prune)
        {
            // Binding parts and coverage are judged on the full problem: the pruning proof swaps within it.
            var (slots, _) = BindingParts(problem, candidates);
            candidates = WithSlots(problem, candidates, slots);
            var swapInCost = CoverageExposure(problem, LiveCoverage(problem, scale, candidates));
            var competitors = CompetitorCounts(problem.Resources.Count, candidates);
            for (var i = 0; i < incidentCount; i++)
            {
                candidates[i] = CandidatePruner.Prune(candidates[i], penalty[i], competitors[i], swapInCost);
            }
        }

        var (keptSlots, capacity) = BindingParts(problem, candidates);
        candidates = WithSlots(problem, candidates, keptSlots);
        return new BatchModel
        {
            Scale = scale,
            Penalty = penalty,
            Candidates = candidates,
            PartCapacity = capacity,
            Coverage = LiveCoverage(problem, scale, candidates),
            ResourceCount = problem.Resources.Count,
        };
    }

    /// <summary>Every option whose part (if any) has stock, with its scaled cost.</summary>
    private static Candidate[][] UsableCandidates(BatchProblem problem, ObjectiveScale scale)
    {
        var result = new Candidate[problem.Incidents.Count][];
        for (var i = 0; i < problem.Incidents.Count; i++)
        {
            var incident = problem.Incidents[i];
            var list = new List<Candidate>(incident.Options.Count);
            for (var o = 0; o < incident.Options.Count; o++)
            {
                var option = incident.Options[o];
                if (option.Part is { } part && problem.Available(part) <= 0)
                {
                    continue;
                }

                list.Add(new Candidate(i, o, option.ResourceIndex, -1, scale.Scale(incident.PriorityWeight * option.Cost)));
            }

            result[i] = [.. list];
        }

        return result;
    }

    /// <summary>Part keys that more incidents could use than there is stock for, numbered in order of appearance.</summary>
    private static (Dictionary<PartKey, int> Slots, int[] Capacity) BindingParts(BatchProblem problem, Candidate[][] candidates)
    {
        var users = new Dictionary<PartKey, HashSet<int>>();
        var order = new List<PartKey>();
        foreach (var candidate in candidates.SelectMany(list => list))
        {
            if (PartOf(problem, candidate) is not { } key)
            {
                continue;
            }

            if (!users.TryGetValue(key, out var incidents))
            {
                users[key] = incidents = [];
                order.Add(key);
            }

            incidents.Add(candidate.Incident);
        }

        var slots = new Dictionary<PartKey, int>();
        var capacity = new List<int>();
        foreach (var key in order)
        {
            var stock = problem.Available(key);
            if (users[key].Count > stock)
            {
                slots[key] = capacity.Count;
                capacity.Add(stock);
            }
        }

        return (slots, [.. capacity]);
    }

    private static Candidate[][] WithSlots(BatchProblem problem, Candidate[][] candidates, Dictionary<PartKey, int> slots) =>
        candidates
            .Select(list => list
                .Select(c => c with { PartSlot = PartOf(problem, c) is { } key && slots.TryGetValue(key, out var slot) ? slot : -1 })
                .ToArray())
            .ToArray();

    private static PartKey? PartOf(BatchProblem problem, Candidate candidate) =>
        problem.Incidents[candidate.Incident].Options[candidate.Option].Part;

    /// <summary>Demand entries of positive scaled weight whose coverers could all be taken by some candidates.</summary>
    private static CoverageTerm[] LiveCoverage(BatchProblem problem, ObjectiveScale scale, Candidate[][] candidates)
    {
        var usable = new bool[problem.Resources.Count];
        foreach (var candidate in candidates.SelectMany(list => list))
        {
            usable[candidate.Resource] = true;
        }

        var terms = new List<CoverageTerm>();
        for (var e = 0; e < problem.Coverage.Count; e++)
        {
            var demand = problem.Coverage[e];
            var weight = scale.Scale(problem.CoverageLambda * demand.Weight);
            var coverers = demand.CoveringResources.Distinct().ToArray();
            if (weight > 0 && coverers.Length > 0 && coverers.All(r => usable[r]))
            {
                terms.Add(new CoverageTerm(e, weight, coverers));
            }
        }

        return [.. terms];
    }

    /// <summary>For each resource, the most coverage penalty that taking it can add: the scaled weight of every live
    /// entry it covers.</summary>
    private static long[] CoverageExposure(BatchProblem problem, CoverageTerm[] terms)
    {
        var exposure = new long[problem.Resources.Count];
        foreach (var term in terms)
        {
            foreach (var r in term.Resources)
            {
                exposure[r] += term.Weight;
            }
        }

        return exposure;
    }

    /// <summary>For each incident, how many other incidents share at least one resource with it.</summary>
    private static int[] CompetitorCounts(int resourceCount, Candidate[][] candidates)
    {
        var incidentsOf = new List<int>?[resourceCount];
        foreach (var candidate in candidates.SelectMany(list => list))
        {
            var list = incidentsOf[candidate.Resource] ??= [];
            if (list.Count == 0 || list[^1] != candidate.Incident)
            {
                list.Add(candidate.Incident);
            }
        }

        var counts = new int[candidates.Length];
        var seen = new HashSet<int>();
        for (var i = 0; i < candidates.Length; i++)
        {
            seen.Clear();
            foreach (var candidate in candidates[i])
            {
                seen.UnionWith(incidentsOf[candidate.Resource]!);
                if (seen.Count == candidates.Length)
                {
                    break; // everyone already competes; the rest cannot add more
                }
            }

            seen.Remove(i);
            counts[i] = seen.Count;
        }

        return counts;
    }
}
