namespace Dispatch.Solver.Batch;

/// <summary>
/// Says why an incident got nothing, judged on all its options (not only those kept by pruning) against what the
/// other incidents took.
/// </summary>
internal static class UnassignedReasons
{
    public static string For(BatchProblem problem, int incident, int[] optionChoice)
    {
        var taken = new bool[problem.Resources.Count];
        var partsUsed = new Dictionary<PartKey, int>();
        for (var i = 0; i < problem.Incidents.Count; i++)
        {
            if (optionChoice[i] < 0)
            {
                continue;
            }

            var option = problem.Incidents[i].Options[optionChoice[i]];
            taken[option.ResourceIndex] = true;
            if (option.Part is { } key)
            {
                partsUsed[key] = partsUsed.GetValueOrDefault(key) + 1;
            }
        }

        var usable = problem.Incidents[incident].Options
            .Where(option => option.Part is not { } key || problem.Available(key) > 0)
            .ToList();
        if (usable.Count == 0)
        {
            return BatchReasonCodes.NoEligibleUnit;
        }

        if (usable.All(option => taken[option.ResourceIndex]))
        {
            return BatchReasonCodes.UnitsTakenByOtherIncidents;
        }

        var allBlocked = usable.All(option =>
            taken[option.ResourceIndex]
            || (option.Part is { } key && partsUsed.GetValueOrDefault(key) >= problem.Available(key)));
        return allBlocked ? BatchReasonCodes.PartsTakenByOtherIncidents : BatchReasonCodes.CheaperUnassigned;
    }
}
