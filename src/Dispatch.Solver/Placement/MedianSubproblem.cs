namespace Dispatch.Solver.Placement;

/// <summary>
/// A p-median instance restricted by a node's fixings: the sites fixed closed dropped, the sites fixed open kept and
/// marked, and the clients whose nearest remaining site is a fixed-open one turned into a constant. Neither change
/// weakens the Lagrangian bound: closed sites are never chosen, and a settled client's best multiplier is its cost,
/// at which it adds nothing to any other site. (Folding open sites into the other clients' costs instead was measured
/// weaker.) Each bound step then walks only what is still undecided. Solutions map back one to one, at the same cost
/// plus <see cref="Offset"/>.
/// </summary>
internal sealed class MedianSubproblem
{
    private MedianSubproblem(MedianInstance instance, int[] sites, int[] clients, sbyte[] status, double offset)
    {
        Instance = instance;
        Sites = sites;
        Clients = clients;
        Status = status;
        Offset = offset;
    }

    public MedianInstance Instance { get; }

    /// <summary>Sub-instance site index to the parent's.</summary>
    public int[] Sites { get; }

    /// <summary>Sub-instance client index to the parent's.</summary>
    public int[] Clients { get; }

    /// <summary>The fixings carried over: -1 free, 1 open.</summary>
    public sbyte[] Status { get; }

    /// <summary>The cost of the settled clients.</summary>
    public double Offset { get; }

    public static MedianSubproblem Restrict(MedianInstance parent, sbyte[] status)
    {
        var sites = Enumerable.Range(0, parent.Sites).Where(s => status[s] != 0).ToArray();
        var costs = parent.Costs;
        var clients = new List<int>();
        var offset = 0.0;
        for (var d = 0; d < parent.Clients; d++)
        {
            var nearestOpen = double.PositiveInfinity;
            var nearestFree = double.PositiveInfinity;
            foreach (var s in sites)
            {
                if (status[s] == 1)
                {
                    nearestOpen = Math.Min(nearestOpen, costs[s, d]);
                }
                else
                {
                    nearestFree = Math.Min(nearestFree, costs[s, d]);
                }
            }

            if (nearestOpen <= nearestFree)
            {
                offset += parent.Weights[d] * nearestOpen;
            }
            else
            {
                clients.Add(d);
            }
        }

        var values = new double[sites.Length * clients.Count];
        for (var i = 0; i < sites.Length; i++)
        {
            var row = costs.Row(sites[i]);
            var target = values.AsSpan(i * clients.Count, clients.Count);
            for (var c = 0; c < target.Length; c++)
            {
                target[c] = row[clients[c]];
            }
        }

        var weights = clients.Select(d => parent.Weights[d]).ToArray();
        var instance = new MedianInstance(new CostMatrix(sites.Length, clients.Count, values), weights, parent.P, parent.Integral);
        return new MedianSubproblem(instance, sites, [.. clients], [.. sites.Select(s => status[s])], offset);
    }

    /// <summary>A sub-instance solution as the parent's sites.</summary>
    public int[] ToParent(IEnumerable<int> open) => [.. open.Select(s => Sites[s])];
}
