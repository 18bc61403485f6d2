namespace Dispatch.Solver.Placement;

/// <summary>
/// Shrinks a maximal covering problem without changing its optimum. Demand that is pre-covered, weightless or out of
/// every site's reach is a constant and goes; demand points reached by the same sites become one group with their
/// summed weight; a site whose groups are all reached by another kept site is dominated and goes (of two with equal
/// reach, the lower index stays); groups whose remaining sites coincide merge again. On a national network this turns
/// thousands of demand points and hundreds of centers into a model of a few hundred rows.
/// </summary>
internal sealed class CoverReduction
{
    private CoverReduction(CoverInstance instance, int[] siteMap)
    {
        Instance = instance;
        SiteMap = siteMap;
    }

    public CoverInstance Instance { get; }

    /// <summary>Reduced site index to the problem's candidate index.</summary>
    public int[] SiteMap { get; }

    public static CoverReduction Reduce(PlacementProblem problem)
    {
        var standards = problem.Standards ?? throw new ArgumentException("an mclp problem needs standards", nameof(problem));
        var m = problem.CandidateIds.Count;
        var sets = new SetGroups();
        var weights = new List<double>();
        var reach = new List<int>();
        for (var d = 0; d < problem.DemandIds.Count; d++)
        {
            var w = problem.Weights[d];
            if (w <= 0 || problem.PreCovered?[d] == true)
            {
                continue;
            }

            reach.Clear();
            for (var s = 0; s < m; s++)
            {
                if (problem.Times[s][d] <= standards[d])
                {
                    reach.Add(s);
                }
            }

            if (reach.Count == 0)
            {
                continue;
            }

            var group = sets.GroupOf([.. reach]);
            if (group == weights.Count)
            {
                weights.Add(0);
            }

            weights[group] += w;
        }

        var siteGroups = new List<int>[m];
        for (var s = 0; s < m; s++)
        {
            siteGroups[s] = [];
        }

        for (var g = 0; g < sets.Count; g++)
        {
            foreach (var s in sets[g])
            {
                siteGroups[s].Add(g);
            }
        }

        var kept = Undominated(siteGroups, sets.Count, RawReach(problem));

        // Regroup by the kept sites: groups that only dominated sites told apart are now one.
        var regrouped = new SetGroups();
        var keptIndex = new Dictionary<int, int>();
        for (var i = 0; i < kept.Length; i++)
        {
            keptIndex[kept[i]] = i;
        }

        var finalWeights = new List<double>();
        for (var g = 0; g < sets.Count; g++)
        {
            var sites = sets[g].Where(keptIndex.ContainsKey).Select(s => keptIndex[s]).ToArray();
            var group = regrouped.GroupOf(sites);
            if (group == finalWeights.Count)
            {
                finalWeights.Add(0);
            }

            finalWeights[group] += weights[g];
        }

        var finalSiteGroups = new List<int>[kept.Length];
        for (var s = 0; s < kept.Length; s++)
        {
            finalSiteGroups[s] = [];
        }

        for (var g = 0; g < regrouped.Count; g++)
        {
            foreach (var s in regrouped[g])
            {
                finalSiteGroups[s].Add(g);
            }
        }

        var k = Math.Min(problem.K, kept.Length);
        var instance = new CoverInstance([.. finalWeights], [.. finalSiteGroups.Select(list => list.ToArray())], k);
        return new CoverReduction(instance, kept);
    }

    /// <summary>The chosen reduced sites as k candidate indexes, ascending.</summary>
    public int[] ToCandidates(PlacementProblem problem, IEnumerable<int> open) =>
        PlacementPadding.Fill(problem, open.Select(s => SiteMap[s]));

    /// <summary>Per site, the weight of all demand within its standard, pre-covered included: of two sites that reach
    /// the same uncovered demand, the one that also backs up more of today's coverage stays.</summary>
    private static double[] RawReach(PlacementProblem problem)
    {
        var reach = new double[problem.CandidateIds.Count];
        for (var s = 0; s < reach.Length; s++)
        {
            for (var d = 0; d < problem.DemandIds.Count; d++)
            {
                reach[s] += problem.Times[s][d] <= problem.Standards![d] ? problem.Weights[d] : 0;
            }
        }

        return reach;
    }

    /// <summary>The sites that no kept site's reach contains, in index order. Sites are visited by decreasing reach
    /// (ties: more raw reach, then lower index, first), so a site can only be contained in one visited before it, and
    /// containment is checked on bit sets.</summary>
    private static int[] Undominated(List<int>[] siteGroups, int groups, double[] rawReach)
    {
        var words = (groups + 63) / 64;
        var bits = new ulong[siteGroups.Length][];
        for (var s = 0; s < bits.Length; s++)
        {
            bits[s] = new ulong[words];
            foreach (var g in siteGroups[s])
            {
                bits[s][g >> 6] |= 1UL << (g & 63);
            }
        }

        var order = Enumerable.Range(0, siteGroups.Length)
            .OrderByDescending(s => siteGroups[s].Count).ThenByDescending(s => rawReach[s]).ThenBy(s => s).ToArray();
        var kept = new List<int>();
        foreach (var s in order)
        {
            if (siteGroups[s].Count == 0)
            {
                continue;
            }

            var dominated = false;
            foreach (var t in kept)
            {
                if (Contains(bits[t], bits[s]))
                {
                    dominated = true;
                    break;
                }
            }

            if (!dominated)
            {
                kept.Add(s);
            }
        }

        kept.Sort();
        return [.. kept];
    }

    private static bool Contains(ulong[] outer, ulong[] inner)
    {
        for (var i = 0; i < inner.Length; i++)
        {
            if ((inner[i] & ~outer[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Site lists equal element for element share a group; groups count from 0.</summary>
    private sealed class SetGroups
    {
        private readonly Dictionary<int, List<int>> byHash = [];
        private readonly List<int[]> sets = [];

        public int Count => sets.Count;

        public int[] this[int group] => sets[group];

        public int GroupOf(int[] sites)
        {
            var hash = new HashCode();
            foreach (var s in sites)
            {
                hash.Add(s);
            }

            var key = hash.ToHashCode();
            if (!byHash.TryGetValue(key, out var candidates))
            {
                byHash[key] = candidates = [];
            }

            foreach (var group in candidates)
            {
                if (sets[group].AsSpan().SequenceEqual(sites))
                {
                    return group;
                }
            }

            candidates.Add(sets.Count);
            sets.Add(sites);
            return sets.Count - 1;
        }
    }
}
