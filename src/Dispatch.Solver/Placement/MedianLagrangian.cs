namespace Dispatch.Solver.Placement;

/// <summary>
/// The Lagrangian relaxation of p-median that relaxes "each client is served once" with a multiplier per client
/// (Beasley 1985, who solved the OR-Library instances with it). For multipliers L_d a site's value is
/// <c>rho_s = sum over d of min(0, w_d T[s][d] - L_d)</c>; the bound is <c>sum of L_d</c> plus the p most negative
/// rho_s. Its best value over all multipliers is the LP bound of the radius formulation; subgradient steps get
/// close to it at O(clients x sites near them) per step, with no LP solver. The same numbers price forcing a site
/// open or closed, which fixes most sites when the incumbent is good.
/// </summary>
internal sealed class MedianLagrangian
{
    private readonly MedianInstance instance;
    private readonly NearestSites nearest;
    private readonly double[] rho;
    private readonly int[] byRho;
    private readonly double[] rhoKeys;
    private readonly int[] reach;
    private readonly bool[] chosen;
    private readonly double[] gradient;

    public MedianLagrangian(MedianInstance instance, NearestSites nearest)
    {
        this.instance = instance;
        this.nearest = nearest;
        rho = new double[instance.Sites];
        byRho = new int[instance.Sites];
        rhoKeys = new double[instance.Sites];
        reach = new int[instance.Clients];
        chosen = new bool[instance.Sites];
        gradient = new double[instance.Clients];
    }

    /// <summary>Multipliers that start the search: each client's cost at the incumbent, the radius the LP will
    /// mostly keep.</summary>
    public static double[] Start(MedianInstance instance, IReadOnlyList<int> incumbent)
    {
        var start = new double[instance.Clients];
        Array.Fill(start, double.PositiveInfinity);
        foreach (var s in incumbent)
        {
            for (var d = 0; d < start.Length; d++)
            {
                start[d] = Math.Min(start[d], instance.Weights[d] * instance.Costs[s, d]);
            }
        }

        return start;
    }

    /// <summary>The bound at <paramref name="multipliers"/> under the fixings (<c>status</c>: -1 free, 0 closed, 1 open);
    /// fills the site values, the chosen sites and the subgradient. NaN when the fixings leave no feasible choice.</summary>
    public double Evaluate(double[] multipliers, sbyte[] status, int openFixed, int freeCount)
    {
        Array.Clear(rho);
        var total = 0.0;
        var weights = instance.Weights;
        for (var d = 0; d < multipliers.Length; d++)
        {
            var m = multipliers[d];
            total += m;
            var order = nearest.Order[d];
            var sorted = nearest.Sorted[d];
            var w = weights[d];
            var r = 0;
            for (; r < order.Length; r++)
            {
                var reduced = (w * sorted[r]) - m;
                if (reduced >= 0)
                {
                    break;
                }

                rho[order[r]] += reduced;
            }

            // The sites nearer than the multiplier: the gradient below counts the chosen ones among them.
            reach[d] = r;
        }

        var need = instance.P - openFixed;
        if (need < 0 || need > freeCount)
        {
            return double.NaN;
        }

        var count = 0;
        for (var s = 0; s < rho.Length; s++)
        {
            chosen[s] = status[s] == 1;
            if (chosen[s])
            {
                total += rho[s];
            }
            else if (status[s] < 0)
            {
                rhoKeys[count] = rho[s];
                byRho[count++] = s;
            }
        }

        // Sorting keys with their sites is several times faster than sorting sites through a comparison.
        Array.Sort(rhoKeys, byRho, 0, count);
        FreeCount = count;
        for (var i = 0; i < need; i++)
        {
            chosen[byRho[i]] = true;
            total += rho[byRho[i]];
        }

        Need = need;
        for (var d = 0; d < multipliers.Length; d++)
        {
            var served = 0;
            var order = nearest.Order[d];
            for (var r = reach[d] - 1; r >= 0; r--)
            {
                served += chosen[order[r]] ? 1 : 0;
            }

            gradient[d] = 1 - served;
        }

        return total;
    }

    public double[] Rho => rho;

    public bool[] Chosen => chosen;

    public double[] Gradient => gradient;

    /// <summary>Free sites by ascending rho after the last <see cref="Evaluate"/>; the first <see cref="Need"/> are chosen.</summary>
    public ReadOnlySpan<int> FreeByRho => byRho.AsSpan(0, FreeCount);

    public int FreeCount { get; private set; }

    public int Need { get; private set; }
}
