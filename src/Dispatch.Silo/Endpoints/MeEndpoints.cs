using System.Security.Claims;
using Dispatch.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>/v1/me</c>: which key the caller holds and its role, so that a client (the web console) offers only
/// what that role may do instead of learning it from 403s.</summary>
public static class MeEndpoints
{
    /// <summary>The caller's key: its id and name (as an admin named it) and its role.</summary>
    public sealed record Caller(string KeyId, string Name, string Role);

    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/me", Get)
            .RequireKey(AuthPolicies.Reader)
            .WithTags("Identity")
            .WithName("getCaller")
            .WithSummary("The caller's API key id, name and role.")
            .WithDescription("Answers for any valid key; a client uses it to check a key and to offer only what its role may do.");
        return app;
    }

    private static Ok<Caller> Get(ClaimsPrincipal user) =>
        TypedResults.Ok(new Caller(
            user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? string.Empty,
            user.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            user.FindFirstValue(ClaimTypes.Role) ?? string.Empty));
}
