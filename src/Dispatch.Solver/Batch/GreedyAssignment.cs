namespace Dispatch.Solver.Batch;

/// <summary>
/// A quick feasible choice used as CP-SAT's hint and as the answer when no solver result exists: incidents by
/// descending penalty take their cheapest free candidate when it costs less than their penalty.
/// </summary>
internal static class GreedyAssignment
{
    public static int[] Choose(BatchModel model)
    {
        var choice = Enumerable.Repeat(-1, model.IncidentCount).ToArray();
        var taken = new bool[model.ResourceCount];
        var stock = (int[])model.PartCapacity.Clone();
        var order = Enumerable.Range(0, model.IncidentCount).OrderByDescending(i => model.Penalty[i]).ThenBy(i => i);
        foreach (var i in order)
        {
            var best = -1;
            for (var c = 0; c < model.Candidates[i].Length; c++)
            {
                var candidate = model.Candidates[i][c];
                var free = !taken[candidate.Resource] && (candidate.PartSlot < 0 || stock[candidate.PartSlot] > 0);
                if (free && candidate.Cost < model.Penalty[i] && (best < 0 || candidate.Cost < model.Candidates[i][best].Cost))
                {
                    best = c;
                }
            }

            if (best < 0)
            {
                continue;
            }

            choice[i] = best;
            var chosen = model.Candidates[i][best];
            taken[chosen.Resource] = true;
            if (chosen.PartSlot >= 0)
            {
                stock[chosen.PartSlot]--;
            }
        }

        return choice;
    }
}
