using System.ComponentModel;
using System.Globalization;
using Dispatch.Grains;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Silo.Metrics;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>POST /v1/recommendations</c>: who should go, and why not the others. Creates nothing.</summary>
public static class RecommendationEndpoints
{
    /// <summary>Counts above this are answered as "all".</summary>
    public const int MaxCount = 100_000;

    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/recommendations", RecommendAsync)
            .RequireKey(AuthPolicies.Agent)
            .WithTags("Dispatch")
            .WithName("recommend")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Rank the units for an incident: options=N|all (5), excluded=N|all (10), policy=coverage|closest.")
            .WithDescription("Creates nothing. recommendation is the best option (null when unassignable), alternatives the next ones, " +
                "excluded the units that may not go, with their reason. 422 outside the served area.");
        return app;
    }

    private static async Task<Results<Ok<RecommendationAnswer>, ValidationProblem, ProblemHttpResult>> RecommendAsync(
        IncidentRequest? incident,
        [Description("How many options to answer, the recommendation included: an integer >= 1 or 'all' (default 5).")] string? options,
        [Description("How many excluded units to list, nearest first: an integer >= 0 or 'all' (default 10).")] string? excluded,
        [Description("How to rank: 'coverage' (default) or 'closest'.")] string? policy,
        Dispatchers grains,
        TimeProvider time,
        DispatchMetrics metrics)
    {
        var errors = new List<(string, string)>();
        var query = ParseQuery(options, excluded, policy, errors);
        var validation = IncidentValidator.Validate(incident, time.GetUtcNow());
        errors.AddRange(validation.Errors.Select(e => (e.Path, e.Message)));
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var result = await grains.Recommender.RecommendAsync(validation.Incident!, query);
        metrics.RecordRecommendation(result);
        return result switch
        {
            null => ProblemResults.NoNetwork(),
            { Status: RecommendationStatus.OutsideServedArea } => ProblemResults.Unprocessable("The location is outside the served area."),
            _ => TypedResults.Ok(RecommendationAnswer.From(result)),
        };
    }

    internal static RecommendationQuery ParseQuery(string? options, string? excluded, string? policy, List<(string, string)> errors)
    {
        var optionCount = ParseCount(options, 5, 1, "options", errors);
        var excludedCount = ParseCount(excluded, 10, 0, "excluded", errors);
        var ranking = RankingPolicy.Coverage;
        switch (policy)
        {
            case null or "coverage":
                break;
            case "closest":
                ranking = RankingPolicy.Closest;
                break;
            default:
                errors.Add(("policy", "must be 'coverage' or 'closest'"));
                break;
        }

        return new RecommendationQuery(optionCount, excludedCount, ranking);
    }

    private static int? ParseCount(string? raw, int fallback, int min, string name, List<(string, string)> errors)
    {
        if (raw is null)
        {
            return fallback;
        }

        if (raw == "all")
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min)
        {
            return n > MaxCount ? null : n;
        }

        errors.Add((name, $"must be 'all' or an integer >= {min}"));
        return fallback;
    }
}
