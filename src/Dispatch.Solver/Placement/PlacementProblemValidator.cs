using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Placement;

/// <summary>
/// Checks a <see cref="PlacementProblem"/> before any solving: every error with its path (<c>k</c>, <c>times[2][5]</c>,
/// <c>weights[3]</c>...), so that a caller building one by hand gets the same kind of answer as the HTTP API.
/// </summary>
public static class PlacementProblemValidator
{
    /// <summary>Sites x demand points: the solver keeps a few copies of the matrix, so this caps its memory near 200 MB.</summary>
    public const long MaxMatrixCells = 4_000_000;

    // A matrix full of NaN would otherwise make a million errors; beyond this many per list, one summary line.
    private const int MaxErrorsPerList = 20;

    /// <summary>Every error of the problem, empty when it can be solved. Stops early when the matrix is too large to check.</summary>
    public static IReadOnlyList<ValidationError> Validate(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = new ValidationErrorSink();
        if (!Enum.IsDefined(problem.Model))
        {
            errors.Add("model", "must be mclp or pmedian");
        }

        var sites = CheckIds(errors, "candidateIds", problem.CandidateIds, "candidate");
        var demand = CheckIds(errors, "demandIds", problem.DemandIds, "demand point");
        if (sites == 0)
        {
            errors.Add("candidateIds", "must name at least one candidate site");
        }

        if (problem.K < 1)
        {
            errors.Add("k", $"must be at least 1 (was {problem.K})");
        }
        else if (sites > 0 && problem.K > sites)
        {
            errors.Add("k", $"must be at most the number of candidate sites, {sites} (was {problem.K})");
        }

        if ((long)sites * demand > MaxMatrixCells)
        {
            errors.Add("times", $"{sites} sites x {demand} demand points is more than {MaxMatrixCells} travel times");
            return errors.Errors;
        }

        CheckNumbers(errors, "weights", problem.Weights, demand, LowerBound.NonNegative);
        CheckTimes(errors, problem.Times, sites, demand);
        if (problem.Model == PlacementModel.Mclp)
        {
            if (problem.Standards is null)
            {
                errors.Add("standards", "is required for mclp");
            }
            else
            {
                CheckNumbers(errors, "standards", problem.Standards, demand, LowerBound.NonNegative);
            }
        }

        if (problem.ExistingTimes is { } existing)
        {
            if (existing.Count != demand)
            {
                errors.Add("existingTimes", $"must have one entry per demand point ({demand}, was {existing.Count})");
            }
            else
            {
                for (var d = 0; d < existing.Count; d++)
                {
                    // +infinity is allowed: no unit may serve the point today.
                    if (double.IsNaN(existing[d]) || existing[d] < 0)
                    {
                        errors.Add(JsonPathText.Index("existingTimes", d), $"must be >= 0 or +infinity (was {ValidationErrorSink.Format(existing[d])})");
                        break;
                    }
                }
            }
        }

        if (problem.PreCovered is { } pre && pre.Count != demand)
        {
            errors.Add("preCovered", $"must have one entry per demand point ({demand}, was {pre.Count})");
        }

        if (problem.TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            errors.Add("timeLimit", "must be positive");
        }

        return errors.Errors;
    }

    /// <summary>For callers that built the problem in code: throws <see cref="ArgumentException"/> listing every error.</summary>
    public static void ThrowIfInvalid(PlacementProblem problem)
    {
        var errors = Validate(problem);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid placement problem: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")), nameof(problem));
        }
    }

    private static int CheckIds(ValidationErrorSink errors, string path, IReadOnlyList<string>? ids, string kind)
    {
        if (!errors.Require(path, ids))
        {
            return 0;
        }

        var seen = new IdRegistry(kind);
        var shown = 0;
        for (var i = 0; i < ids!.Count && shown < MaxErrorsPerList; i++)
        {
            var before = errors.Errors.Count;
            seen.Register(errors, JsonPathText.Index(path, i), ids[i]);
            shown += errors.Errors.Count - before;
        }

        return ids.Count;
    }

    private static void CheckNumbers(ValidationErrorSink errors, string path, IReadOnlyList<double>? values, int expected, LowerBound bound)
    {
        if (!errors.Require(path, values))
        {
            return;
        }

        if (values!.Count != expected)
        {
            errors.Add(path, $"must have one entry per demand point ({expected}, was {values.Count})");
            return;
        }

        var bad = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsFinite(values[i]) && bound.Admits(values[i]) && Math.Abs(values[i]) <= ValidationErrorSink.MaxMagnitude)
            {
                continue;
            }

            if (++bad <= MaxErrorsPerList)
            {
                errors.CheckNumber(JsonPathText.Index(path, i), values[i], bound);
            }
        }

        if (bad > MaxErrorsPerList)
        {
            errors.Add(path, $"{bad - MaxErrorsPerList} more entries are invalid");
        }
    }

    private static void CheckTimes(ValidationErrorSink errors, IReadOnlyList<IReadOnlyList<double>>? times, int sites, int demand)
    {
        const string Path = "times";
        if (!errors.Require(Path, times))
        {
            return;
        }

        if (times!.Count != sites)
        {
            errors.Add(Path, $"must have one row per candidate site ({sites}, was {times.Count})");
            return;
        }

        var bad = 0;
        for (var s = 0; s < times.Count; s++)
        {
            var rowPath = JsonPathText.Index(Path, s);
            var row = times[s];
            if (row is null || row.Count != demand)
            {
                if (++bad <= MaxErrorsPerList)
                {
                    errors.Add(rowPath, $"must have one travel time per demand point ({demand}, was {(row is null ? "missing" : row.Count)})");
                }

                continue;
            }

            for (var d = 0; d < row.Count; d++)
            {
                var t = row[d];
                if (double.IsFinite(t) && t >= 0 && t <= ValidationErrorSink.MaxMagnitude)
                {
                    continue;
                }

                if (++bad <= MaxErrorsPerList)
                {
                    errors.CheckNumber(JsonPathText.Index(rowPath, d), t, LowerBound.NonNegative);
                }
            }
        }

        if (bad > MaxErrorsPerList)
        {
            errors.Add(Path, $"{bad - MaxErrorsPerList} more rows or travel times are invalid");
        }
    }
}
