namespace Dispatch.Solver.Placement;

/// <summary>
/// Each client's sites in order of cost, with the costs: the radius structure of p-median (Elloumi 2010). A client
/// only ever involves the sites nearer than its multiplier, so the bound walks a short prefix of each list instead of
/// a whole column of the matrix, and reads it in memory order.
/// </summary>
internal sealed class NearestSites
{
    public NearestSites(CostMatrix costs)
    {
        Order = new int[costs.Clients][];
        Sorted = new double[costs.Clients][];
        for (var d = 0; d < costs.Clients; d++)
        {
            var order = Enumerable.Range(0, costs.Sites).ToArray();
            var keys = new double[costs.Sites];
            for (var s = 0; s < keys.Length; s++)
            {
                keys[s] = costs[s, d];
            }

            Array.Sort(keys, order);
            Order[d] = order;
            Sorted[d] = keys;
        }
    }

    /// <summary>Per client, the sites by ascending cost.</summary>
    public int[][] Order { get; }

    /// <summary>Per client, the costs of <see cref="Order"/>'s sites.</summary>
    public double[][] Sorted { get; }
}
