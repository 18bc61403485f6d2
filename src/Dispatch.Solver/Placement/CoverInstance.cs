namespace Dispatch.Solver.Placement;

/// <summary>A maximal covering instance as the algorithms see it (after <see cref="CoverReduction"/>): groups of
/// demand with one cover set each, their weights, the groups each site covers, and k.</summary>
internal sealed class CoverInstance
{
    public CoverInstance(double[] weights, int[][] siteGroups, int k)
    {
        Weights = weights;
        SiteGroups = siteGroups;
        K = k;
        var groupSites = new List<int>[weights.Length];
        for (var g = 0; g < groupSites.Length; g++)
        {
            groupSites[g] = [];
        }

        for (var s = 0; s < siteGroups.Length; s++)
        {
            foreach (var g in siteGroups[s])
            {
                groupSites[g].Add(s);
            }
        }

        GroupSites = [.. groupSites.Select(list => list.ToArray())];
    }

    public double[] Weights { get; }

    /// <summary>Per site, the groups within its reach, ascending.</summary>
    public int[][] SiteGroups { get; }

    /// <summary>Per group, the sites that reach it, ascending.</summary>
    public int[][] GroupSites { get; }

    public int K { get; }

    public int Sites => SiteGroups.Length;

    public int Groups => Weights.Length;

    public double Covered(IEnumerable<int> open)
    {
        var covered = new bool[Groups];
        foreach (var s in open)
        {
            foreach (var g in SiteGroups[s])
            {
                covered[g] = true;
            }
        }

        var total = 0.0;
        for (var g = 0; g < covered.Length; g++)
        {
            total += covered[g] ? Weights[g] : 0;
        }

        return total;
    }

    /// <summary>An upper bound without a solver: the k heaviest sites' weights added up, and never above all of it.</summary>
    public double TrivialBound()
    {
        var perSite = SiteGroups.Select(groups => groups.Sum(g => Weights[g])).OrderByDescending(w => w).Take(K).Sum();
        return Math.Min(perSite, Weights.Sum());
    }
}
