namespace Dispatch.Solver.Placement;

/// <summary>A p-median instance as the algorithms see it: after <see cref="MedianReduction"/>, every client has a
/// positive weight and a cost column of its own, and no two sites have the same cost row.</summary>
internal sealed class MedianInstance
{
    public MedianInstance(CostMatrix costs, double[] weights, int p, bool? integral = null)
    {
        Costs = costs;
        Weights = weights;
        P = p;
        Integral = integral ?? (weights.All(IsWhole) && costs.Values.All(IsWhole));
    }

    public CostMatrix Costs { get; }

    public double[] Weights { get; }

    public int P { get; }

    public int Sites => Costs.Sites;

    public int Clients => Costs.Clients;

    /// <summary>Whole weights and costs make every objective value whole: a bound within less than 1 of the
    /// incumbent then proves it optimal, and a search need only look for solutions at least 1 better.</summary>
    public bool Integral { get; }

    /// <summary>The smallest improvement worth looking for: 1 for whole data, else a relative hair.</summary>
    public double Improvement(double incumbent) => Integral ? 1 - 1e-6 : 1e-9 * Math.Max(1, Math.Abs(incumbent));

    public double Cost(IEnumerable<int> open)
    {
        var best = new double[Clients];
        Array.Fill(best, double.PositiveInfinity);
        foreach (var s in open)
        {
            var row = Costs.Row(s);
            for (var d = 0; d < best.Length; d++)
            {
                best[d] = Math.Min(best[d], row[d]);
            }
        }

        var total = 0.0;
        for (var d = 0; d < best.Length; d++)
        {
            total += Weights[d] * best[d];
        }

        return total;
    }

    /// <summary>Each client at its nearest site, as if every site were open: a bound no solution beats, known
    /// before any search (the answer's bound when the clock stops first).</summary>
    public double TrivialBound()
    {
        var total = 0.0;
        for (var d = 0; d < Clients; d++)
        {
            var best = double.PositiveInfinity;
            for (var s = 0; s < Sites; s++)
            {
                best = Math.Min(best, Costs[s, d]);
            }

            total += Weights[d] * best;
        }

        return total;
    }

    private static bool IsWhole(double value) => Math.Abs(value) < 1e15 && Math.Floor(value) == value;
}
