using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dispatch.Grains.Scenarios;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>/v1/scenarios</c>: what-if runs (docs/api.md "Scenarios"). A run is checked before it is accepted, then
/// computed in its own grain on a copy of the network; live state never changes. Planners and admins.</summary>
public static class ScenarioEndpoints
{
    public sealed record ScenarioAccepted(string Id, string Status);

    /// <summary>A run and, once it completed, the KPIs of the scenario and of its baseline
    /// (docs/simulation.md "The KPIs").</summary>
    public sealed record ScenarioAnswer(
        string Id,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Name,
        string Status,
        double Progress,
        DateTimeOffset CreatedAt,
        DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt,
        string? Error,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SimulationKpis? Scenario,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SimulationKpis? Baseline);

    public sealed record ScenarioListItem(
        string Id,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Name,
        string Status,
        double Progress,
        DateTimeOffset CreatedAt,
        DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt,
        string? Error);

    public sealed record ScenarioList(IReadOnlyList<ScenarioListItem> Items);

    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        var scenarios = app.MapGroup("/v1/scenarios").WithTags("Scenarios").RequireKey(AuthPolicies.Planner);
        scenarios.MapPost("/", SubmitAsync)
            .WithName("createScenario")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer(DescribeBase)
            .WithSummary("Start a what-if run (base 'live' or a network document, changes, replayed or generated demand); checked before it is accepted.")
            .WithDescription("400 with every error by path, and nothing created; otherwise 202 with the run's id and a Location to follow it. Body limit 32 MB.");
        scenarios.MapGet("/", ListAsync)
            .WithName("listScenarios")
            .WithSummary("The runs, newest first, without their KPIs.")
            .WithDescription("The newest 500 finished runs are listed; older ones stay readable by id.");
        scenarios.MapGet("/{id}", GetAsync)
            .WithName("getScenario")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A run's status and progress, and the KPIs of the scenario and its baseline once it completed.");
        scenarios.MapPost("/{id}/cancel", CancelAsync)
            .WithName("cancelScenario")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Stop a queued or running run (again: the same answer); a completed or failed run is a 409.")
            .WithDescription("Answers once the run has stopped. The 409 carries the run's summary as scenario.");
        return app;
    }

    private static async Task<Results<Accepted<ScenarioAccepted>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        ScenarioRequest? request,
        Dispatchers grains,
        ClaimsPrincipal user)
    {
        if (request is null)
        {
            return ProblemResults.BadRequest("The body must be a scenario request.");
        }

        var liveNetwork = request.Base is { IsLive: true } ? await grains.Dispatcher.GetNetworkAsync() : null;
        var preparation = ScenarioRunner.Prepare(request, liveNetwork);
        if (!preparation.IsValid)
        {
            return ProblemResults.Validation(
                preparation.Errors.Select(e => (e.Path, e.Message)),
                $"The scenario has {preparation.Errors.Count} error(s); no run was created.");
        }

        // The base is stored resolved, so that the run (and a run again after a restart) sees the network as it was now;
        // replayed calls are stored without their customer data, which a run never reads.
        var id = "scn-" + Guid.NewGuid().ToString("N");
        var submission = new ScenarioSubmission(
            request.Name,
            user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? string.Empty,
            DocumentJson.Write((liveNetwork is null ? request : request with { Base = ScenarioBase.Of(liveNetwork) }).WithoutCustomerData()));
        var summary = await grains.Scenario(id).SubmitAsync(submission);
        return TypedResults.Accepted(Location(id), new ScenarioAccepted(id, summary.Status));
    }

    private static async Task<Ok<ScenarioList>> ListAsync(Dispatchers grains)
    {
        var listed = await grains.ScenarioRegistry.ListAsync();
        // The registry hears of a run's steps when they happen; progress and the latest status are the run's own.
        var items = await Task.WhenAll(listed.Select(async run => ScenarioStatus.IsTerminal(run.Status)
            ? run
            : await grains.Scenario(run.Id).GetSummaryAsync() ?? run));
        return TypedResults.Ok(new ScenarioList([.. items.Select(ItemOf)]));
    }

    private static async Task<Results<Ok<ScenarioAnswer>, ProblemHttpResult>> GetAsync(string id, Dispatchers grains)
    {
        var found = RequestValidator.IsAddressableId(id) ? await grains.Scenario(id).GetAsync() : null;
        return found is null ? NotFound(id) : TypedResults.Ok(AnswerOf(found));
    }

    private static async Task<Results<Ok<ScenarioAnswer>, ProblemHttpResult>> CancelAsync(string id, Dispatchers grains)
    {
        if (!RequestValidator.IsAddressableId(id))
        {
            return NotFound(id);
        }

        var result = await grains.Scenario(id).CancelAsync();
        return result.Outcome switch
        {
            CancelOutcome.Cancelled => TypedResults.Ok(AnswerOf(result.Scenario!)),
            CancelOutcome.AlreadyFinished => ProblemResults.Conflict(
                $"The run is {result.Scenario!.Summary.Status}: there is nothing left to cancel.",
                new { scenario = ItemOf(result.Scenario.Summary) }),
            _ => NotFound(id),
        };
    }

    private static ScenarioAnswer AnswerOf(ScenarioView view)
    {
        var s = view.Summary;
        return new ScenarioAnswer(s.Id, s.Name, s.Status, s.Progress, s.CreatedAt, s.StartedAt, s.FinishedAt, s.Error,
            view.Outcome?.Scenario, view.Outcome?.Baseline);
    }

    private static ScenarioListItem ItemOf(ScenarioSummary s) =>
        new(s.Id, s.Name, s.Status, s.Progress, s.CreatedAt, s.StartedAt, s.FinishedAt, s.Error);

    private static string Location(string id) => $"/v1/scenarios/{Uri.EscapeDataString(id)}";

    private static ProblemHttpResult NotFound(string id) =>
        ProblemResults.NotFound($"No scenario has the id '{RequestValidator.Echo(id)}'.");
    // "base" is "live" or a whole network document (ScenarioBaseConverter); the schema generator cannot see that and
    // would leave it an empty object, which a generated client could not fill.
    private static Task DescribeBase(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Document?.Components?.Schemas is { } schemas
            && schemas.TryGetValue(nameof(ScenarioBase), out var found) && found is OpenApiSchema schema && schema.OneOf is not { Count: > 0 })
        {
            schema.Description = "\"live\" (the live network when the run is accepted) or a whole network document.";
            schema.Properties?.Clear();
            schema.Type = null;
            schema.OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(ScenarioBase.LiveName)] },
                new OpenApiSchemaReference(nameof(NetworkDocument), context.Document),
            ];
        }

        return Task.CompletedTask;
    }
}
