namespace Dispatch.Solver.Batch;

/// <summary>Turns a caller's choice (option index per incident, -1 unassigned) into the model's candidate positions;
/// an incident whose chosen option was pruned starts unassigned. Null when the choice cannot serve as CP-SAT's start
/// because it shares a resource or uses more of a binding part than there is.</summary>
internal static class StartingPoint
{
    public static int[]? ToCandidates(BatchModel model, IReadOnlyList<int> optionChoice)
    {
        if (optionChoice.Count != model.IncidentCount)
        {
            return null;
        }

        var choice = new int[model.IncidentCount];
        var taken = new bool[model.ResourceCount];
        var stock = (int[])model.PartCapacity.Clone();
        for (var i = 0; i < model.IncidentCount; i++)
        {
            choice[i] = optionChoice[i] < 0 ? -1 : Array.FindIndex(model.Candidates[i], c => c.Option == optionChoice[i]);
            if (choice[i] < 0)
            {
                continue;
            }

            var candidate = model.Candidates[i][choice[i]];
            if (taken[candidate.Resource] || (candidate.PartSlot >= 0 && --stock[candidate.PartSlot] < 0))
            {
                return null;
            }

            taken[candidate.Resource] = true;
        }

        return choice;
    }
}
