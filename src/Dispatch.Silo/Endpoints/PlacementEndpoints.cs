using System.Diagnostics;
using System.Text.Json.Nodes;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>POST /v1/planning/placement</c>: where to station k more sites, by maximal covering (mclp) or p-median
/// (docs/dispatch-semantics.md "Placement", docs/api.md "Planning"), over the live network. Planners and admins. The
/// solve is pure CPU on the thread pool, bounded by <c>timeLimitMs</c>, and stops when the client goes away.</summary>
public static partial class PlacementEndpoints
{
    /// <summary>The largest <c>timeLimitMs</c> accepted: a request holds a core for at most this long.</summary>
    public const int MaxTimeLimitMs = 120_000;

    /// <summary>The budget when the request gives none (<see cref="PlacementSolver.DefaultTimeLimit"/>).</summary>
    // A solve holds a core for up to its time limit: at most half the silo's cores solve at once, so planners can
    // never take the cores that dispatch needs; the others wait their turn (and give up with their client).
    private static readonly SemaphoreSlim SolveGate = new(Math.Max(1, Environment.ProcessorCount / 2));

    public static int DefaultTimeLimitMs { get; } = (int)PlacementSolver.DefaultTimeLimit.TotalMilliseconds;

    public static IEndpointRouteBuilder MapPlacementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/planning/placement", PlanAsync)
            .RequireKey(AuthPolicies.Planner)
            .WithTags("Planning")
            .WithName("planPlacement")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DescribeSchemas)
            .WithSummary("Choose k sites for a resource type: mclp maximizes the demand weight covered within the standard, pmedian minimizes the weighted travel time.")
            .WithDescription("Candidates are the live network's centers or a supplied list, demand its demand points or a supplied list, travel times " +
                "the network's formula for resourceType or a supplied travelMatrix. 400 with every error by path. " +
                $"timeLimitMs: up to {MaxTimeLimitMs} (default {DefaultTimeLimitMs}); a solve that reaches it answers 200 with its best sites, " +
                "optimal false and the gap to the proven bound. At most half the silo's cores solve at once; other requests wait their turn. Body limit 1 MB.");
        return app;
    }

    private static async Task<Results<Ok<PlacementAnswer>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        PlacementRequest? request,
        Dispatchers grains,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ProblemResults.BadRequest("The body must be a placement request.");
        }

        // The live document, with today's statuses and positions: what "existing" counts.
        var network = await grains.Dispatcher.GetNetworkAsync();
        if (network is null)
        {
            return ProblemResults.NoNetwork();
        }

        var build = PlacementProblemBuilder.Build(network, request);
        var errors = build.Errors.Select(e => (e.Path, e.Message)).ToList();
        if (request.TimeLimitMs is > MaxTimeLimitMs)
        {
            errors.Add(("timeLimitMs", $"must be at most {MaxTimeLimitMs}"));
        }

        if (errors.Count > 0 || build.Problem is not { } problem)
        {
            return ProblemResults.Validation(errors, $"The placement request has {errors.Count} error(s); nothing was solved.");
        }

        var logger = loggers.CreateLogger(typeof(PlacementEndpoints).FullName!);
        var started = Stopwatch.GetTimestamp();
        PlacementSolution solution;
        try
        {
            // Pure CPU on the thread pool, not on whichever thread completed the grain call above; the token is the
            // request's, so a client that goes away stops the solve.
            await SolveGate.WaitAsync(cancellationToken);
            try
            {
                solution = await Task.Run(() => PlacementSolver.Solve(problem, cancellationToken), cancellationToken);
            }
            finally
            {
                SolveGate.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the framework answers the aborted request; nothing was changed.
            logger.PlacementAbandoned(problem.Model, problem.K, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }

        logger.PlacementSolved(problem.Model, problem.K, problem.CandidateIds.Count, problem.DemandIds.Count, solution.Method,
            solution.Optimal, solution.Gap, solution.SolveMillis);
        return TypedResults.Ok(PlacementAnswer.From(solution));
    }

    // Shapes the schema generator cannot see: coveredWeight is left out for pmedian (JsonIgnore WhenWritingNull), so it
    // is not required; candidates is "centers" or a list of sites (PlacementCandidatesConverter), not an object; the
    // matrix's rows are lists of numbers (the generator leaves the inner lists untyped).
    private static Task DescribeSchemas(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = context.Document?.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }

        if (schemas.TryGetValue(nameof(PlacementAnswer), out var answer) && answer is OpenApiSchema answerSchema)
        {
            answerSchema.Required?.Remove("coveredWeight");
        }

        if (schemas.TryGetValue(nameof(PlacementCandidates), out var candidates) && candidates is OpenApiSchema candidatesSchema
            && candidatesSchema.OneOf is not { Count: > 0 })
        {
            candidatesSchema.Description = "\"centers\" (every center of the network) or a list of candidate sites.";
            candidatesSchema.OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(PlacementCandidates.CentersName)] },
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(StringComparer.Ordinal) { "id", "location" },
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["location"] = new OpenApiSchemaReference(nameof(GeoPoint), context.Document),
                        },
                    },
                },
            ];
        }

        if (schemas.TryGetValue(nameof(PlacementTravelMatrix), out var matrix)
            && matrix.Properties?.TryGetValue("minutes", out var minutes) == true
            && minutes.Items is OpenApiSchema { Items: null } row)
        {
            row.Items = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Description = "Minutes, finite and >= 0." };
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(301, LogLevel.Information,
        "Placement {Model} k={K} over {Sites} candidate sites and {DemandPoints} demand points: {Method}, optimal {Optimal}, gap {Gap}, {SolveMillis} ms")]
    private static partial void PlacementSolved(this ILogger logger, PlacementModel model, int k, int sites, int demandPoints, string method,
        bool optimal, double gap, long solveMillis);

    [LoggerMessage(302, LogLevel.Information, "Placement {Model} k={K} abandoned after {ElapsedMillis} ms: the client went away")]
    private static partial void PlacementAbandoned(this ILogger logger, PlacementModel model, int k, long elapsedMillis);
}
