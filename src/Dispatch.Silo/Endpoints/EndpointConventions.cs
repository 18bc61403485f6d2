using Dispatch.Silo.Auth;

namespace Dispatch.Silo.Endpoints;

/// <summary>Conventions every v1 endpoint shares, so that the OpenAPI document says what the middleware answers.</summary>
internal static class EndpointConventions
{
    /// <summary>Requires a key the policy accepts, and declares the problem answers that follow from it: 401 without a
    /// valid key, and 403 when the policy asks for a role (every policy but <see cref="AuthPolicies.Reader"/>).</summary>
    public static TBuilder RequireKey<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy).ProducesProblem(StatusCodes.Status401Unauthorized);
        return policy == AuthPolicies.Reader ? builder : builder.ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
