using Dispatch.Solver.Documents;
using Dispatch.Solver.Network;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Placement;

/// <summary>
/// Turns a <c>POST /v1/planning/placement</c> request (docs/api.md "Planning") and a network document into a
/// <see cref="PlacementProblem"/>: candidates (the centers or a list), demand (the network's points with
/// <c>weight * region.coverageWeight</c>, or a list), travel times (the §3 formula for the resource type, or the
/// request's matrix), per-point standards, and with <c>existing</c> what today's available units of the type already
/// give. Every error is reported with its request path; nothing is solved here.
/// </summary>
public static class PlacementProblemBuilder
{
    /// <param name="network">A valid network document (as <c>GET /v1/network</c> returns it: live statuses and
    /// positions are what <c>existing</c> reads).</param>
    /// <param name="request">The request body.</param>
    public static PlacementBuild Build(NetworkDocument network, PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        CompiledNetwork compiled;
        try
        {
            compiled = CompiledNetwork.Compile(network);
        }
        catch (ArgumentException e)
        {
            return PlacementBuild.Invalid([new ValidationError("network", e.Message)]);
        }

        var errors = new ValidationErrorSink();
        var model = ReadModel(errors, request.Model);
        errors.CheckCount("k", request.K, out var k);
        if (request.K is not null && k < 1 && errors.Errors.All(e => e.Path != "k"))
        {
            errors.Add("k", "must be at least 1 (was 0)");
        }

        var type = ReadType(errors, compiled, request.ResourceType);
        if (request.StandardMin is not null)
        {
            errors.CheckNumber("standardMin", request.StandardMin.Value, LowerBound.Positive);
        }

        if (request.TimeLimitMs is not null)
        {
            errors.CheckNumber("timeLimitMs", request.TimeLimitMs.Value, LowerBound.Positive);
        }

        var sites = PlacementRequestReader.Candidates(errors, compiled, request.Candidates);
        var demand = PlacementRequestReader.Demand(errors, compiled, request.Demand);
        double[][]? matrix = null;
        if (request.TravelMatrix is { } supplied && errors.Errors.Count == 0)
        {
            (sites, demand, matrix) = PlacementMatrixReader.Read(errors, supplied, sites, demand);
        }

        if (errors.Errors.Count == 0 && k > sites.Count)
        {
            errors.Add("k", $"must be at most the number of candidate sites, {sites.Count} (was {k})");
        }

        if (errors.Errors.Count == 0 && (long)sites.Count * demand.Count > PlacementProblemValidator.MaxMatrixCells)
        {
            errors.Add("demand", $"{sites.Count} sites x {demand.Count} demand points is more than {PlacementProblemValidator.MaxMatrixCells} travel times");
        }

        if (errors.Errors.Count > 0 || model is null || type is null)
        {
            return PlacementBuild.Invalid(errors.Errors);
        }

        var times = matrix ?? PlacementTravelTimes.Matrix(compiled, type, sites, demand);
        var standards = demand.Select(d => request.StandardMin ?? compiled.Regions[d.Region].CoverageStandardMin).ToArray();
        bool[]? preCovered = null;
        double[]? existingTimes = null;
        if (request.Existing == true)
        {
            var existing = ExistingCoverage.BestEta(compiled, type, demand);
            if (model == PlacementModel.Mclp)
            {
                preCovered = [.. existing.Select((eta, d) => eta <= standards[d])];
            }
            else
            {
                // Today's units keep serving: a new site only counts for the points it reaches sooner.
                existingTimes = existing;
            }
        }

        var problem = new PlacementProblem
        {
            Model = model.Value,
            K = k,
            CandidateIds = [.. sites.Select(s => s.Id)],
            DemandIds = [.. demand.Select(d => d.Id)],
            Weights = [.. demand.Select(d => d.Weight)],
            Times = times,
            Standards = model == PlacementModel.Mclp ? standards : null,
            PreCovered = preCovered,
            ExistingTimes = existingTimes,
            TimeLimit = request.TimeLimitMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        };

        // Formula times can still be infinite for an unreachable pair (a road-network model); say so, by path.
        var problemErrors = PlacementProblemValidator.Validate(problem);
        return problemErrors.Count == 0 ? new PlacementBuild(problem, []) : PlacementBuild.Invalid(problemErrors);
    }

    private static PlacementModel? ReadModel(ValidationErrorSink errors, string? model)
    {
        switch (model)
        {
            case "mclp":
                return PlacementModel.Mclp;
            case "pmedian":
                return PlacementModel.PMedian;
            case null:
                errors.Add("model", "is required (mclp or pmedian)");
                return null;
            default:
                errors.Add("model", $"must be mclp or pmedian (was {ValidationErrorSink.Quote(model)})");
                return null;
        }
    }

    private static ResourceTypeSpec? ReadType(ValidationErrorSink errors, CompiledNetwork network, string? name)
    {
        if (!errors.RequireText("resourceType", name, IdRegistry.MaxLength))
        {
            return null;
        }

        if (network.TypesByName.TryGetValue(name!, out var type))
        {
            return type;
        }

        errors.Add("resourceType", $"unknown resource type {ValidationErrorSink.Quote(name)} (known: {string.Join(", ", network.Types.Select(t => t.Name))})");
        return null;
    }
}
