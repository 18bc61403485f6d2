namespace Dispatch.Solver.Placement;

/// <summary>
/// Fills a solution up to k sites when the model itself is indifferent: more sites than the reduced problem can use
/// (every center already has the type, so with <c>existing: true</c> no new unit adds anything), or demand nobody can
/// reach. Rather than the lowest indexes, the sites added are those the same question would pick without today's units
/// (greedy on the raw times): "two more flatbeds for Qinghai" then names Qinghai's own centers, not the first two of
/// the list. Adding sites never worsens either objective.
/// </summary>
internal static class PlacementPadding
{
    public static int[] Fill(PlacementProblem problem, IEnumerable<int> chosen)
    {
        var result = new SortedSet<int>(chosen);
        if (result.Count >= problem.K)
        {
            return [.. result];
        }

        return problem.Model == PlacementModel.PMedian ? FillMedian(problem, result) : FillCover(problem, result);
    }

    private static int[] FillMedian(PlacementProblem problem, SortedSet<int> result)
    {
        var demand = problem.DemandIds.Count;
        var best = new double[demand];
        Array.Fill(best, double.PositiveInfinity);
        foreach (var s in result)
        {
            for (var d = 0; d < demand; d++)
            {
                best[d] = Math.Min(best[d], problem.Times[s][d]);
            }
        }

        while (result.Count < problem.K)
        {
            var pick = -1;
            var pickCost = double.PositiveInfinity;
            for (var s = 0; s < problem.CandidateIds.Count; s++)
            {
                if (result.Contains(s))
                {
                    continue;
                }

                var row = problem.Times[s];
                var cost = 0.0;
                for (var d = 0; d < demand; d++)
                {
                    cost += problem.Weights[d] * Math.Min(best[d], row[d]);
                }

                if (pick < 0 || cost < pickCost)
                {
                    pick = s;
                    pickCost = cost;
                }
            }

            result.Add(pick);
            for (var d = 0; d < demand; d++)
            {
                best[d] = Math.Min(best[d], problem.Times[pick][d]);
            }
        }

        return [.. result];
    }

    private static int[] FillCover(PlacementProblem problem, SortedSet<int> result)
    {
        var standards = problem.Standards!;
        var demand = problem.DemandIds.Count;
        var reached = new bool[demand];
        foreach (var s in result)
        {
            for (var d = 0; d < demand; d++)
            {
                reached[d] |= problem.Times[s][d] <= standards[d];
            }
        }

        while (result.Count < problem.K)
        {
            var pick = -1;
            var pickGain = -1.0;
            for (var s = 0; s < problem.CandidateIds.Count; s++)
            {
                if (result.Contains(s))
                {
                    continue;
                }

                var gain = 0.0;
                for (var d = 0; d < demand; d++)
                {
                    gain += !reached[d] && problem.Times[s][d] <= standards[d] ? problem.Weights[d] : 0;
                }

                if (gain > pickGain)
                {
                    pick = s;
                    pickGain = gain;
                }
            }

            result.Add(pick);
            for (var d = 0; d < demand; d++)
            {
                reached[d] |= problem.Times[pick][d] <= standards[d];
            }
        }

        return [.. result];
    }
}
