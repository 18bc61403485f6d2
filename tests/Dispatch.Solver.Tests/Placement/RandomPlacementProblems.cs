using Dispatch.Solver.Placement;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>Small random problems with the awkward cases mixed in: zero weights, zero and tied times, duplicate rows
/// and columns, fractional and whole numbers, standards that reach nobody or everybody, pre-covered demand.</summary>
internal static class RandomPlacementProblems
{
    /// <param name="existing">mclp: some demand pre-covered; p-median: some demand with today's time (some +infinity).</param>
    public static PlacementProblem Create(int seed, PlacementModel model, bool existing = false)
    {
        var random = new Random(seed);
        var sites = random.Next(1, 10);
        var demand = random.Next(1, 13);
        var k = random.Next(1, Math.Min(4, sites) + 1);
        var whole = random.Next(2) == 0;
        double Time() => whole ? random.Next(0, 21) : Math.Round(random.NextDouble() * 20, 3);

        var times = new double[sites][];
        for (var s = 0; s < sites; s++)
        {
            times[s] = s > 0 && random.Next(5) == 0
                ? (double[])times[random.Next(s)].Clone()
                : [.. Enumerable.Range(0, demand).Select(_ => Time())];
        }

        for (var d = 1; d < demand; d++)
        {
            if (random.Next(5) == 0)
            {
                var copy = random.Next(d);
                foreach (var row in times)
                {
                    row[d] = row[copy];
                }
            }
        }

        var weights = Enumerable.Range(0, demand)
            .Select(_ => random.Next(6) == 0 ? 0 : whole ? random.Next(1, 10) : Math.Round(random.NextDouble() * 10, 2))
            .ToArray();
        var standards = Enumerable.Range(0, demand).Select(_ => random.Next(8) == 0 ? 100 : Time()).ToArray();
        return new PlacementProblem
        {
            Model = model,
            K = k,
            CandidateIds = [.. Enumerable.Range(0, sites).Select(s => $"s{s}")],
            DemandIds = [.. Enumerable.Range(0, demand).Select(d => $"d{d}")],
            Weights = weights,
            Times = times,
            Standards = model == PlacementModel.Mclp ? standards : null,
            PreCovered = existing && model == PlacementModel.Mclp ? [.. Enumerable.Range(0, demand).Select(_ => random.Next(3) == 0)] : null,
            ExistingTimes = existing && model == PlacementModel.PMedian
                ? [.. Enumerable.Range(0, demand).Select(_ => random.Next(3) == 0 ? double.PositiveInfinity : Time())]
                : null,
        };
    }
}
