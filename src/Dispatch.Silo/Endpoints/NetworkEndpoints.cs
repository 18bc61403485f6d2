using Dispatch.Grains.Dispatching;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>/v1/network</c>: the whole network document, replaced atomically (admin) and read live (any role).</summary>
public static class NetworkEndpoints
{
    public sealed record NetworkAccepted(long Version, int Centers, int Resources, int DemandPoints, int Rules);

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var network = app.MapGroup("/v1/network").WithTags("Network");
        network.MapGet("/", GetAsync).RequireKey(AuthPolicies.Reader)
            .WithName("getNetwork")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The current network document with live unit status, position and stock.")
            .WithDescription("It can be PUT back unchanged. 404 before any network is loaded.");
        network.MapPut("/", PutAsync).RequireKey(AuthPolicies.Admin)
            .WithName("replaceNetwork")
            .Audited("network.replace", subject: "network", detail: AuditDetails.NetworkVersion)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Replace the whole network; validated as a whole, nothing changes on any error.")
            .WithDescription("400 with errors by path; 409 with errors when the document contradicts open incidents. The answer counts what was loaded. Body limit 16 MB.");
        return app;
    }

    private static async Task<Results<Ok<NetworkDocument>, ProblemHttpResult>> GetAsync(Dispatchers grains)
    {
        var document = await grains.Dispatcher.GetNetworkAsync();
        return document is null ? ProblemResults.NotFound(ProblemResults.NoNetworkDetail) : TypedResults.Ok(document);
    }

    private static async Task<Results<Ok<NetworkAccepted>, ValidationProblem, ProblemHttpResult>> PutAsync(NetworkDocument? document, Dispatchers grains)
    {
        if (document is null)
        {
            return ProblemResults.BadRequest("The body must be a network document.");
        }

        var change = await grains.Dispatcher.ReplaceNetworkAsync(document);
        return change.Status switch
        {
            NetworkChangeStatus.Accepted => TypedResults.Ok(new NetworkAccepted(
                change.Version,
                document.Centers?.Count ?? 0,
                document.Centers?.Sum(c => c.Resources?.Count ?? 0) ?? 0,
                document.DemandPoints?.Count ?? 0,
                document.Rules?.Count ?? 0)),
            NetworkChangeStatus.Conflict => ProblemResults.Conflict(
                "The document contradicts open incidents: " + string.Join("; ", change.Errors.Select(e => $"{e.Path}: {e.Message}")),
                new { errors = change.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()) }),
            _ => ProblemResults.Validation(change.Errors.Select(e => (e.Path, e.Message)), $"The network document has {change.Errors.Length} error(s); nothing was changed."),
        };
    }
}
