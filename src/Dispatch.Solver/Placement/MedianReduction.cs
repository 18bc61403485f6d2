namespace Dispatch.Solver.Placement;

/// <summary>
/// Shrinks a p-median problem without changing its optimum. Each time is first capped at today's units'
/// (<see cref="PlacementProblem.ExistingTimes"/>). Then demand of weight 0 goes; demand whose capped time is the same
/// from every site is a constant (<see cref="Offset"/>) and goes; demand points with the same times from every site
/// become one client with their summed weight; candidates with the same times to every client become one site,
/// represented by the one nearest the demand on raw times (the tie-break the answer shows). When k exceeds the
/// distinct sites, all of them open and <see cref="PlacementPadding"/> fills up.
/// </summary>
internal sealed class MedianReduction
{
    private MedianReduction(MedianInstance? instance, int[] siteMap, double offset)
    {
        Instance = instance;
        SiteMap = siteMap;
        Offset = offset;
    }

    /// <summary>Null when no demand is left to decide: every choice costs <see cref="Offset"/>.</summary>
    public MedianInstance? Instance { get; }

    /// <summary>Reduced site index to the problem's candidate index.</summary>
    public int[] SiteMap { get; }

    /// <summary>The cost of the demand that no choice changes.</summary>
    public double Offset { get; }

    public static MedianReduction Reduce(PlacementProblem problem)
    {
        var m = problem.CandidateIds.Count;
        var times = problem.Times;
        var columns = new ValueGroups();
        var weights = new List<double>();
        var representative = new List<int>();
        var offset = 0.0;
        for (var d = 0; d < problem.DemandIds.Count; d++)
        {
            var w = problem.Weights[d];
            if (w <= 0)
            {
                continue;
            }

            var cap = problem.ExistingTimes?[d] ?? double.PositiveInfinity;
            var column = new double[m];
            for (var s = 0; s < m; s++)
            {
                column[s] = Math.Min(times[s][d], cap);
            }

            if (column.All(c => c == column[0]))
            {
                offset += w * column[0];
                continue;
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
            return new MedianReduction(null, [], offset);
        }

        // Among sites with the same capped row, keep the one nearest the demand on raw times.
        var rawCost = new double[m];
        for (var s = 0; s < m; s++)
        {
            for (var d = 0; d < problem.DemandIds.Count; d++)
            {
                rawCost[s] += problem.Weights[d] > 0 ? problem.Weights[d] * times[s][d] : 0;
            }
        }

        var n = weights.Count;
        var rows = new ValueGroups();
        var siteMap = new List<int>();
        var values = new List<double>(m * n);
        foreach (var s in Enumerable.Range(0, m).OrderBy(s => rawCost[s]).ThenBy(s => s))
        {
            var row = new double[n];
            for (var c = 0; c < n; c++)
            {
                var d = representative[c];
                row[c] = Math.Min(times[s][d], problem.ExistingTimes?[d] ?? double.PositiveInfinity);
            }

            if (rows.GroupOf(row) == siteMap.Count)
            {
                siteMap.Add(s);
                values.AddRange(row);
            }
        }

        var p = Math.Min(problem.K, siteMap.Count);
        var instance = new MedianInstance(new CostMatrix(siteMap.Count, n, [.. values]), [.. weights], p);
        return new MedianReduction(instance, [.. siteMap], offset);
    }

    /// <summary>The chosen reduced sites as k candidate indexes, ascending.</summary>
    public int[] ToCandidates(PlacementProblem problem, IEnumerable<int> open) =>
        PlacementPadding.Fill(problem, open.Select(s => SiteMap[s]));

    /// <summary>Number lists equal value for value (exact, as identical inputs are) share a group; groups count from 0.</summary>
    private sealed class ValueGroups
    {
        private readonly Dictionary<int, List<(double[] Values, int Group)>> byHash = [];
        private int count;

        public int GroupOf(double[] values)
        {
            var hash = new HashCode();
            foreach (var v in values)
            {
                hash.Add(v);
            }

            var key = hash.ToHashCode();
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
