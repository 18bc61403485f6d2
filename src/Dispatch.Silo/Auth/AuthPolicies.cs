using Dispatch.Grains.Auth;

namespace Dispatch.Silo.Auth;

/// <summary>Authorization policy names for endpoints: <c>.RequireAuthorization(AuthPolicies.Agent)</c>.</summary>
public static class AuthPolicies
{
    /// <summary>Agents (and admins).</summary>
    public const string Agent = ApiRoles.Agent;

    /// <summary>Planners (and admins).</summary>
    public const string Planner = ApiRoles.Planner;

    /// <summary>Admins only.</summary>
    public const string Admin = ApiRoles.Admin;

    /// <summary>Any valid key, whatever its role.</summary>
    public const string Reader = "reader";
}
