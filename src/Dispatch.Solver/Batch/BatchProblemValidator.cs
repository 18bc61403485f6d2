namespace Dispatch.Solver.Batch;

/// <summary>
/// Rejects a problem the model cannot state honestly. Non-negative costs, weights and penalties are what the
/// rules of docs/dispatch-semantics.md produce, and the coverage linearization and the assignment fast path rely on
/// them.
/// </summary>
internal static class BatchProblemValidator
{
    public static void ThrowIfInvalid(BatchProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = Validate(problem);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid batch problem: " + string.Join("; ", errors), nameof(problem));
        }
    }

    public static List<string> Validate(BatchProblem problem)
    {
        var errors = new List<string>();
        if (problem.Incidents is null || problem.Resources is null || problem.PartsAvailable is null || problem.Coverage is null)
        {
            errors.Add("incidents, resources, partsAvailable and coverage are required");
            return errors;
        }

        if (!IsNonNegative(problem.CoverageLambda))
        {
            errors.Add("coverageLambda must be finite and >= 0");
        }

        ValidateResources(problem, errors);
        ValidateIncidents(problem, errors);
        foreach (var (key, count) in problem.PartsAvailable)
        {
            if (key.CenterId is null || key.Sku is null || count < 0)
            {
                errors.Add($"partsAvailable[{key}] must name a center and a SKU and be >= 0");
            }
        }

        ValidateCoverage(problem, errors);
        return errors;
    }

    private static void ValidateResources(BatchProblem problem, List<string> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < problem.Resources.Count; r++)
        {
            var resource = problem.Resources[r];
            if (resource?.Id is null || resource.CoverageClass is null)
            {
                errors.Add($"resources[{r}] needs an id and a coverage class");
            }
            else if (!ids.Add(resource.Id))
            {
                errors.Add($"resources[{r}].id '{resource.Id}' is not unique");
            }
        }
    }

    private static void ValidateIncidents(BatchProblem problem, List<string> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Incidents.Count; i++)
        {
            var incident = problem.Incidents[i];
            if (incident?.Id is null || incident.Options is null)
            {
                errors.Add($"incidents[{i}] needs an id and an option list");
                continue;
            }

            if (!ids.Add(incident.Id))
            {
                errors.Add($"incidents[{i}].id '{incident.Id}' is not unique");
            }

            if (!IsNonNegative(incident.PriorityWeight))
            {
                errors.Add($"incidents[{i}].priorityWeight must be finite and >= 0");
            }

            if (!IsNonNegative(incident.UnassignedPenalty))
            {
                errors.Add($"incidents[{i}].unassignedPenalty must be finite and >= 0");
            }

            for (var o = 0; o < incident.Options.Count; o++)
            {
                var option = incident.Options[o];
                if (option is null)
                {
                    errors.Add($"incidents[{i}].options[{o}] is missing");
                    continue;
                }

                if (option.ResourceIndex < 0 || option.ResourceIndex >= problem.Resources.Count)
                {
                    errors.Add($"incidents[{i}].options[{o}].resourceIndex {option.ResourceIndex} is out of range");
                }

                if (!IsNonNegative(option.Cost))
                {
                    errors.Add($"incidents[{i}].options[{o}].cost must be finite and >= 0");
                }

                if (option.Part is { } part && (part.CenterId is null || part.Sku is null))
                {
                    errors.Add($"incidents[{i}].options[{o}].part must name a center and a SKU");
                }
            }
        }
    }

    private static void ValidateCoverage(BatchProblem problem, List<string> errors)
    {
        for (var e = 0; e < problem.Coverage.Count; e++)
        {
            var demand = problem.Coverage[e];
            if (demand?.CoveringResources is null || demand.CoverageClass is null)
            {
                errors.Add($"coverage[{e}] needs a coverage class and a list of covering resources");
                continue;
            }

            if (!IsNonNegative(demand.Weight))
            {
                errors.Add($"coverage[{e}].weight must be finite and >= 0");
            }

            foreach (var r in demand.CoveringResources)
            {
                if (r < 0 || r >= problem.Resources.Count)
                {
                    errors.Add($"coverage[{e}] names resource index {r}, out of range");
                }
                else if (problem.Resources[r] is { } resource && !string.Equals(resource.CoverageClass, demand.CoverageClass, StringComparison.Ordinal))
                {
                    errors.Add($"coverage[{e}] is of class '{demand.CoverageClass}' but resource '{resource.Id}' is of class '{resource.CoverageClass}'");
                }
            }
        }
    }

    private static bool IsNonNegative(double value) => double.IsFinite(value) && value >= 0;
}
