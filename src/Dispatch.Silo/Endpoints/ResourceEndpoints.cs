using Dispatch.Grains.Centers;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
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
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Where the unit is now.")
            .WithDescription("lat within -90..90, lon within -180..180 (WGS84 degrees).");
        resources.MapPut("/{id}/status", SetStatusAsync)
            .WithName("setResourceStatus")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("available or offline; not while the unit is assigned to an open incident.")
            .WithDescription("409 while the unit is assigned to an open incident: only completing or cancelling the incident frees it.");
        return app;
    }

    private static async Task<Results<Ok<ResourceAnswer>, ValidationProblem, ProblemHttpResult>> SetPositionAsync(string id, PositionChange? change, Dispatchers grains)
    {
        var errors = new List<(string, string)>();
        if (change?.Lat is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors.Add(("lat", "is required: degrees within -90..90"));
        }

        if (change?.Lon is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            errors.Add(("lon", "is required: degrees within -180..180"));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        return ToResult(await grains.Dispatcher.SetResourcePositionAsync(id, new GeoPoint(change!.Lat!.Value, change.Lon!.Value)));
    }

    private static async Task<Results<Ok<ResourceAnswer>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(string id, StatusChange? change, Dispatchers grains)
    {
        if (change?.Status is not (ResourceStatusNames.Available or ResourceStatusNames.Offline))
        {
            return ProblemResults.Validation([("status", "must be 'available' or 'offline'")]);
        }

        return ToResult(await grains.Dispatcher.SetResourceStatusAsync(id, change.Status));
    }

    private static Results<Ok<ResourceAnswer>, ValidationProblem, ProblemHttpResult> ToResult(CommandResult<ResourceSnapshot> result) => result.Error switch
    {
        CommandError.None => TypedResults.Ok(new ResourceAnswer(result.Value!.Id, result.Value.Type, result.Value.Status, new GeoPoint(result.Value.Lat, result.Value.Lon))),
        CommandError.NotFound => ProblemResults.NotFound(result.Detail!),
        CommandError.Conflict => ProblemResults.Conflict(result.Detail!),
        _ => ProblemResults.Validation([("status", result.Detail!)]),
    };
}
