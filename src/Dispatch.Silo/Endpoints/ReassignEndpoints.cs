using System.Security.Claims;
using Dispatch.Grains.Incidents;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>POST /v1/incidents/{id}/reassign</c>: replace a case's unit (docs/waiting-and-reassign.md "Reassign").</summary>
public static class ReassignEndpoints
{
    /// <summary>The longest reason kept on the timeline.</summary>
    public const int MaxReasonLength = 200;

    public sealed record ReassignRequest(string? ResourceId, string? Mode, string? Reason);

    public static IEndpointRouteBuilder MapReassignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/incidents").WithTags("Incidents")
            .MapPost("/{id}/reassign", ReassignAsync).RequireKey(AuthPolicies.Agent)
            .WithName("reassignIncident")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Release the case's unit and part and dispatch another (the best other one, or the one named); reason is required.")
            .WithDescription("200 with the case holding the new unit; its timeline keeps both (reassigned, then dispatched). " +
                "409 when the case keeps its unit: no other unit may go or the one named is not free (with a fresh recommendation), " +
                "or the case is not dispatched, enroute or onscene. 404 unknown case or unit; 422 the unit named cannot serve the incident.");
        return app;
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ReassignAsync(
        string id, ReassignRequest? request, Dispatchers grains, ClaimsPrincipal user)
    {
        if (!RequestValidator.IsAddressableId(id))
        {
            return ProblemResults.NotFound($"No incident has the id '{RequestValidator.Echo(id)}'.");
        }

        var errors = RequestValidator.CaseDispatch(request?.ResourceId, request?.Mode).Select(e => (e.Path, e.Message)).ToList();
        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            errors.Add(("reason", "is required: why the unit is replaced (e.g. turned_back_by_local_rule)"));
        }
        else if (request.Reason.Length > MaxReasonLength || request.Reason.Any(char.IsControl))
        {
            errors.Add(("reason", $"must be at most {MaxReasonLength} characters, without control characters"));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var result = await grains.Incident(id).ReassignAsync(request!.ResourceId, request.Mode, request.Reason!.Trim());
        return result.Outcome == CaseOutcome.Ok
            ? TypedResults.Ok(IncidentEndpoints.Mask(result.Case!, user))
            : IncidentEndpoints.ToProblem(result);
    }
}
