using Dispatch.Grains.Centers;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>/v1/resources/{id}</c>: move a unit or take it off and back on duty (admin).</summary>
public static class ResourceEndpoints
{
    public sealed record PositionChange(double? Lat, double? Lon);

    public sealed record StatusChange(string? Status);

    public sealed record ResourceAnswer(string Id, string Type, string Status, GeoPoint Position);

    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder app)
    {
        var resources = app.MapGroup("/v1/resources").WithTags("Network").RequireKey(AuthPolicies.Admin);
        resources.MapPut("/{id}/position", SetPositionAsync)
            .WithName("setResourcePosition")
            .Audited("resource.position", detail: AuditDetails.Position)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Where the unit is now.")
            .WithDescription("lat within -90..90, lon within -180..180 (WGS84 degrees).");
        resources.MapPut("/{id}/status", SetStatusAsync)
            .WithName("setResourceStatus")
            .Audited("resource.status", detail: AuditDetails.Status)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("available or offline; not while the unit is assigned to an open incident.")
            .WithDescription("409 while the unit is assigned to an open incident: only completing or cancelling the incident frees it.");
        return app;
    }

    private static async Task<Results<Ok<ResourceAnswer>, ValidationProblem, ProblemHttpResult>> SetPositionAsync(string id, PositionChange? change, Dispatchers grains)
    {
        var errors = RequestValidator.Position(change?.Lat, change?.Lon);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors.Select(e => (e.Path, e.Message)));
        }

        return ToResult(await grains.Dispatcher.SetResourcePositionAsync(id, new GeoPoint(change!.Lat!.Value, change.Lon!.Value)));
    }

    private static async Task<Results<Ok<ResourceAnswer>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(string id, StatusChange? change, Dispatchers grains)
    {
        // Parsed once here; the grains take the enum (the JSON stays the lowercase name).
        if (!ResourceStatusNames.TryParse(change?.Status, out var status) || status == ResourceStatus.Assigned)
        {
            return ProblemResults.Validation([("status", "must be 'available' or 'offline'")]);
        }

        return ToResult(await grains.Dispatcher.SetResourceStatusAsync(id, status));
    }

    private static Results<Ok<ResourceAnswer>, ValidationProblem, ProblemHttpResult> ToResult(CommandResult<ResourceSnapshot> result) => result.Error switch
    {
        CommandError.None => TypedResults.Ok(new ResourceAnswer(result.Value!.Id, result.Value.Type, result.Value.Status, new GeoPoint(result.Value.Lat, result.Value.Lon))),
        CommandError.NotFound => ProblemResults.NotFound(result.Detail!),
        CommandError.Conflict => ProblemResults.Conflict(result.Detail!),
        _ => ProblemResults.Validation([("status", result.Detail!)]),
    };
}
