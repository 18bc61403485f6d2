namespace Dispatch.Solver.Placement;

/// <summary>
/// Shrinks a p-median problem without changing its optimum: demand of weight 0 goes; demand points with the same
/// travel times from every site become one client with their summed weight; candidates with the same times to every
/// client become one site (opening either is the same). When k exceeds the distinct sites, all of them open.
/// </summary>
internal sealed class MedianReduction
{
    private MedianReduction(MedianInstance? instance, int[] siteMap)
    {
        Instance = instance;
        SiteMap = siteMap;
    }

    /// <summary>Null when no demand has weight: every choice costs 0.</summary>
    public MedianInstance? Instance { get; }

    /// <summary>Reduced site index to the problem's candidate index.</summary>
    public int[] SiteMap { get; }

    public static MedianReduction Reduce(PlacementProblem problem)
    {
        var m = problem.CandidateIds.Count;
        var times = problem.Times;
        var columns = new ValueGroups(m);
        var weights = new List<double>();
        var representative = new List<int>();
        for (var d = 0; d < problem.DemandIds.Count; d++)
        {
            var w = problem.Weights[d];
            if (w <= 0)
            {
                continue;
            }

            var column = new double[m];
            for (var s = 0; s < m; s++)
            {
                column[s] = times[s][d];
            }

            var group = columns.GroupOf(column);
            if (group == weights.Count)
            {
                weights.Add(0);
                representative.Add(d);
            }

            weights[group] += w;
        }

        if (weights.Count == 0)
        {
            return new MedianReduction(null, []);
        }

        var n = weights.Count;
        var rows = new ValueGroups(n);
        var siteMap = new List<int>();
        var values = new List<double>(m * n);
        for (var s = 0; s < m; s++)
        {
            var row = new double[n];
            for (var c = 0; c < n; c++)
            {
                row[c] = times[s][representative[c]];
            }

            if (rows.GroupOf(row) == siteMap.Count)
            {
                siteMap.Add(s);
                values.AddRange(row);
            }
        }

        var p = Math.Min(problem.K, siteMap.Count);
        var instance = new MedianInstance(new CostMatrix(siteMap.Count, n, [.. values]), [.. weights], p);
        return new MedianReduction(instance, [.. siteMap]);
    }

    /// <summary>The chosen reduced sites as k candidate indices, ascending: when k exceeds the distinct sites, the
    /// lowest-index candidates not chosen fill up (they add nothing, and nothing is lost).</summary>
    public int[] ToCandidates(IEnumerable<int> open, int k, int candidates)
    {
        var chosen = new SortedSet<int>(open.Select(s => SiteMap[s]));
        for (var s = 0; s < candidates && chosen.Count < k; s++)
        {
            chosen.Add(s);
        }

        return [.. chosen];
    }

    /// <summary>Numbers equal value for value (exact, as identical inputs are) share a group; groups count from 0.</summary>
    private sealed class ValueGroups(int length)
    {
        private readonly Dictionary<long, List<(double[] Values, int Group)>> byHash = [];
        private int count;

        public int GroupOf(double[] values)
        {
            var hash = new HashCode();
            foreach (var v in values)
            {
                hash.Add(v);
            }

            var key = ((long)hash.ToHashCode() << 32) ^ values.Length ^ length;
            if (!byHash.TryGetValue(key, out var list))
            {
                byHash[key] = list = [];
            }

            foreach (var (known, group) in list)
            {
                if (known.AsSpan().SequenceEqual(values))
                {
                    return group;
                }
            }

            list.Add((values, count));
            return count++;
        }
    }
}
