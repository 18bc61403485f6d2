namespace Dispatch.Solver.Batch;

/// <summary>
/// Removes, for one incident, the options that provably cannot change the optimum of the scaled problem.
/// </summary>
/// <remarks>
/// Notation (all in scaled integers): a(o) is option o's cost (priorityWeight * cost), P the incident's unassigned
/// penalty, r(o) its resource, k(o) its binding part slot (-1 when its stock cannot run out: no part, or a key no more
/// incidents can use than there is stock for), X(r) the coverage exposure of resource r (the sum of the weights of
/// every coverage term containing r), and K the number of other incidents that share a resource with this one.
/// The incident's options are ordered by (a, input position); "unassigned" sits before every option with a &gt;= P.
///
/// An option o is pruned when one of these holds:
/// 1. a(o) &gt;= P. Leaving the incident unassigned instead frees r(o) and its part (coverage can only improve) and
///    changes the objective by P - a(o) &lt;= 0.
/// 2. An earlier option o' has r(o') = r(o) and k(o') in {-1, k(o)}. Switching to o' keeps the same resource (so the
///    same coverage), uses no part stock that o did not, and changes the objective by a(o') - a(o) &lt;= 0.
/// 3. The earlier options o' with k(o') in {-1, k(o)} and a(o') + X(r(o')) &lt;= a(o) use more than K distinct
///    resources. In any solution where the incident takes o, the other incidents hold at most K of those resources,
///    so one of them, r', is free: switching to its option o' is feasible (no new part stock), frees r(o), and
///    changes the objective by at most a(o') + X(r') - a(o) &lt;= 0, since taking r' can lose at most the terms it covers.
///
/// Why removing all of them at once is safe: take, among the optimal solutions of the full problem, one that
/// minimizes the sum over incidents of the position of its choice in its incident's order. If some incident used a
/// pruned option, the switch above would give a solution that is still optimal (the objective does not rise), still
/// feasible, and whose choice for that incident comes strictly earlier while the others stay put: a contradiction.
/// So that optimal solution uses kept options only, and the pruned model has the same optimum as the full one.
/// The dominating options o' may themselves be pruned; the argument never needs them kept. K, the binding slots
/// and X are computed on the full (unpruned) problem, as the argument requires.
/// </remarks>
internal static class CandidatePruner
{
    public static Candidate[] Prune(Candidate[] candidates, long penalty, int competitors, long[] exposure)
    {
        if (candidates.Length == 0)
        {
            return candidates;
        }

        // Stable sort by cost: ties keep input order, which is the order the proof uses.
        var ordered = candidates.Select((candidate, position) => (candidate, position))
            .OrderBy(pair => pair.candidate.Cost)
            .ThenBy(pair => pair.position)
            .Select(pair => pair.candidate)
            .ToArray();

        var kept = new List<Candidate>();
        var shared = new SwapPool();
        var perSlot = new Dictionary<int, SwapPool>();
        var seenShared = new HashSet<int>();
        var seenInSlot = new HashSet<(int Resource, int Slot)>();

        foreach (var candidate in ordered)
        {
            if (candidate.Cost >= penalty)
            {
                break; // rule 1, and every later option costs at least as much
            }

            var slotPool = candidate.PartSlot >= 0 ? perSlot.GetValueOrDefault(candidate.PartSlot) : null;
            shared.Activate(candidate.Cost);
            slotPool?.Activate(candidate.Cost);

            var sameResourceEarlier = seenShared.Contains(candidate.Resource)
                || (candidate.PartSlot >= 0 && seenInSlot.Contains((candidate.Resource, candidate.PartSlot)));
            if (!sameResourceEarlier && SwapResourceCount(shared, slotPool) <= competitors)
            {
                kept.Add(candidate);
            }

            var swapInCost = candidate.Cost + exposure[candidate.Resource];
            if (candidate.PartSlot < 0)
            {
                seenShared.Add(candidate.Resource);
                shared.Add(candidate.Resource, swapInCost);
            }
            else
            {
                seenInSlot.Add((candidate.Resource, candidate.PartSlot));
                if (slotPool is null)
                {
                    perSlot[candidate.PartSlot] = slotPool = new SwapPool();
                }

                slotPool.Add(candidate.Resource, swapInCost);
            }
        }

        return [.. kept];
    }

    /// <summary>Distinct resources an option may switch to (rule 3): those of the shared pool and of its own slot.</summary>
    private static int SwapResourceCount(SwapPool shared, SwapPool? slotPool)
    {
        if (slotPool is null)
        {
            return shared.Active.Count;
        }

        return shared.Active.Count + slotPool.Active.Count(r => !shared.Active.Contains(r));
    }

    /// <summary>Earlier options waiting until the current cost reaches their swap-in cost a + X, and the distinct
    /// resources of those that did. Costs only grow along the order, so an active resource stays active.</summary>
    private sealed class SwapPool
    {
        private readonly PriorityQueue<int, long> pending = new();

        public HashSet<int> Active { get; } = [];

        public void Add(int resource, long swapInCost) => pending.Enqueue(resource, swapInCost);

        public void Activate(long cost)
        {
            while (pending.TryPeek(out var resource, out var swapInCost) && swapInCost <= cost)
            {
                pending.Dequeue();
                Active.Add(resource);
            }
        }
    }
}
