namespace Dispatch.Solver.Placement;

/// <summary>
/// The incumbent for maximal covering: greedy (the site adding the most uncovered weight, ties to the lower index),
/// then best-improvement swaps. Each group keeps how many open sites reach it and the sum of their indexes, so a
/// group reached once names its only site, and all swaps that bring one site in are priced in one pass over its
/// groups.
/// </summary>
internal sealed class CoverLocalSearch
{
    private readonly CoverInstance instance;
    private readonly int[] count;
    private readonly long[] siteSum;
    private readonly bool[] open;
    private readonly List<int> openSites = [];

    private CoverLocalSearch(CoverInstance instance)
    {
        this.instance = instance;
        count = new int[instance.Groups];
        siteSum = new long[instance.Groups];
        open = new bool[instance.Sites];
    }

    public static int[] Run(CoverInstance instance, SolveClock clock)
    {
        var search = new CoverLocalSearch(instance);
        search.Greedy();
        while (!clock.Expired && search.BestSwap() is { } swap)
        {
            search.Close(swap.Out);
            search.Open(swap.In);
        }

        var result = search.openSites.ToArray();
        Array.Sort(result);
        return result;
    }

    private void Greedy()
    {
        for (var round = 0; round < instance.K; round++)
        {
            var pick = -1;
            var pickGain = -1.0;
            for (var s = 0; s < instance.Sites; s++)
            {
                if (open[s])
                {
                    continue;
                }

                var gain = 0.0;
                foreach (var g in instance.SiteGroups[s])
                {
                    gain += count[g] == 0 ? instance.Weights[g] : 0;
                }

                if (gain > pickGain)
                {
                    pick = s;
                    pickGain = gain;
                }
            }

            Open(pick);
        }
    }

    private void Open(int s)
    {
        open[s] = true;
        openSites.Add(s);
        foreach (var g in instance.SiteGroups[s])
        {
            count[g]++;
            siteSum[g] += s;
        }
    }

    private void Close(int s)
    {
        open[s] = false;
        openSites.Remove(s);
        foreach (var g in instance.SiteGroups[s])
        {
            count[g]--;
            siteSum[g] -= s;
        }
    }

    /// <summary>The swap that adds the most covered weight, or null when none adds more than a rounding hair.</summary>
    private (int In, int Out)? BestSwap()
    {
        // loss[o]: the weight only o reaches, lost when o closes.
        var loss = new double[instance.Sites];
        var total = 0.0;
        for (var g = 0; g < count.Length; g++)
        {
            if (count[g] == 1)
            {
                loss[siteSum[g]] += instance.Weights[g];
            }

            total += count[g] > 0 ? instance.Weights[g] : 0;
        }

        var threshold = 1e-9 * Math.Max(1, total);
        var regain = new double[instance.Sites];
        var best = threshold;
        (int In, int Out)? swap = null;
        for (var candidate = 0; candidate < instance.Sites; candidate++)
        {
            if (open[candidate])
            {
                continue;
            }

            // gain: newly reached weight; regain[o]: weight only o reached that the candidate reaches too.
            var gain = 0.0;
            foreach (var s in openSites)
            {
                regain[s] = 0;
            }

            foreach (var g in instance.SiteGroups[candidate])
            {
                if (count[g] == 0)
                {
                    gain += instance.Weights[g];
                }
                else if (count[g] == 1)
                {
                    regain[siteSum[g]] += instance.Weights[g];
                }
            }

            foreach (var s in openSites)
            {
                var delta = gain - loss[s] + regain[s];
                if (delta > best)
                {
                    best = delta;
                    swap = (candidate, s);
                }
            }
        }

        return swap;
    }
}
