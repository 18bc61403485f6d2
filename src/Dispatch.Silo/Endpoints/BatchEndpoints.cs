using System.Text.Json.Serialization;
using Dispatch.Grains.Dispatching;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>POST /v1/dispatch/batch</c>: assign a surge of open incidents jointly; with commit, reserve and
/// dispatch every assignment (docs/dispatch-semantics.md "Batch (surge)", docs/api.md "Batch").</summary>
public static class BatchEndpoints
{
    public const int MaxIncidents = 2_000;
    public const int MaxTimeLimitMs = 60_000;

    public sealed record BatchRequest(IReadOnlyList<IncidentRequest?>? Incidents, bool? Commit, int? TimeLimitMs);

    /// <summary>An assignment: the incident and the option fields, plus what the batch objective counts of it.</summary>
    public sealed record AssignmentAnswer(
        string IncidentId,
        string ResourceId,
        string ResourceType,
        string CenterId,
        string CenterKind,
        string Mode,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Part,
        double EtaMin,
        double Score,
        OptionBreakdown Breakdown,
        double Cost,
        double PriorityWeight,
        double WeightedCost);

    public sealed record UnassignedAnswer(string IncidentId, string Reason);

    public sealed record ObjectiveAnswer(double WeightedCost, double LostDemandWeight, double CoveragePenalty, double UnassignedPenalty);

    public sealed record BatchAnswer(
        IReadOnlyList<AssignmentAnswer> Assignments,
        IReadOnlyList<UnassignedAnswer> Unassigned,
        double Objective,
        bool Optimal,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Gap,
        double SolveMillis,
        bool Committed,
        int Resolved,
        IReadOnlyList<string> Notes,
        ObjectiveAnswer ObjectiveBreakdown);

    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/dispatch/batch", DispatchBatchAsync)
            .RequireKey(AuthPolicies.Agent)
            .WithTags("Dispatch")
            .WithName("dispatchBatch")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary($"Assign up to {MaxIncidents} incidents jointly (each needs an id; with commit, up to Dispatch:Limits:BatchCommitIncidents, default 500); commit: true reserves and dispatches every assignment.")
            .WithDescription($"Each incident of the batch gets a unit, or a reason in unassigned. timeLimitMs: 1..{MaxTimeLimitMs} (default 10,000). " +
                "Without commit it only answers; with commit: true it opens each case, reserves every assignment at its center and records it on the case.");
        return app;
    }

    private static async Task<Results<Ok<BatchAnswer>, ValidationProblem, ProblemHttpResult>> DispatchBatchAsync(
        BatchRequest? request, IGrainFactory grains, TimeProvider time, Microsoft.Extensions.Options.IOptions<Hosting.BodyLimitOptions> limits)
    {
        if (request?.Incidents is { Count: > MaxIncidents } tooMany)
        {
            return ProblemResults.Create(StatusCodes.Status413PayloadTooLarge,
                $"A batch holds at most {MaxIncidents} incidents; this one has {tooMany.Count}.");
        }

        var commitCap = limits.Value.BatchCommitIncidents;
        if (request?.Commit == true && request.Incidents is { } toCommit && toCommit.Count > commitCap)
        {
            return ProblemResults.Create(StatusCodes.Status413PayloadTooLarge,
                $"A committed batch holds at most {commitCap} incidents; this one has {toCommit.Count}. " +
                "Commit it in several requests, or send it without commit for the answer alone.");
        }

        var (incidents, errors) = Validate(request, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var decision = await new BatchCases(grains).RunAsync(incidents, request!.Commit ?? false, request.TimeLimitMs);
        if (decision.Result is not { } result)
        {
            return ProblemResults.NoNetwork();
        }

        return TypedResults.Ok(new BatchAnswer(
            [.. result.Assignments.Select(a => new AssignmentAnswer(
                a.IncidentId, a.Option.ResourceId, a.Option.ResourceType, a.Option.CenterId, a.Option.CenterKind, a.Option.Mode,
                a.Option.Part, a.Option.EtaMin, a.Option.Score, a.Option.Breakdown, a.Cost, a.PriorityWeight, a.WeightedCost))],
            [.. result.Unassigned.Select(u => new UnassignedAnswer(u.IncidentId, u.Reason))],
            result.Objective,
            result.Optimal,
            result.Gap,
            Math.Round(result.SolveMillis, 3),
            decision.Committed,
            decision.Resolved,
            decision.Notes,
            new ObjectiveAnswer(result.Breakdown.WeightedCost, result.Breakdown.LostDemandWeight, result.Breakdown.CoveragePenalty, result.Breakdown.UnassignedPenalty)));
    }

    private static (List<BatchCaseRequest> Incidents, List<(string, string)> Errors) Validate(BatchRequest? request, DateTimeOffset now)
    {
        var errors = new List<(string, string)>();
        var incidents = new List<BatchCaseRequest>();
        if (request?.Incidents is not { Count: > 0 } list)
        {
            errors.Add(("incidents", "at least one incident is required"));
            return (incidents, errors);
        }

        if (request.TimeLimitMs is { } limit && limit is < 1 or > MaxTimeLimitMs)
        {
            errors.Add(("timeLimitMs", $"must be within 1..{MaxTimeLimitMs}"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"incidents[{i}]";
            var body = list[i];
            if (body?.Id is null)
            {
                errors.Add(($"{path}.id", "every incident of a batch needs an id"));
            }
            else if (!ids.Add(body.Id))
            {
                errors.Add(($"{path}.id", $"'{body.Id}' appears more than once in the batch"));
            }

            var validation = IncidentValidator.Validate(body, now);
            errors.AddRange(validation.Errors.Select(e => (Prefixed(path, e.Path), e.Message)));
            if (validation.Incident is { } incident && body?.Id is not null)
            {
                incidents.Add(new BatchCaseRequest(body, incident));
            }
        }

        return (incidents, errors);
    }

    private static string Prefixed(string path, string inner) =>
        string.IsNullOrEmpty(inner) ? path : inner.StartsWith('[') ? path + inner : path + "." + inner;
}
