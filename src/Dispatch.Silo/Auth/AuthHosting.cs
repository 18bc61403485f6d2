using Dispatch.Grains.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Dispatch.Silo.Auth;

/// <summary>API-key authentication, role policies, and the first-start admin key.</summary>
public static class AuthHosting
{
    public static WebApplicationBuilder AddDispatchAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<ApiKeyService>();
        builder.Services.AddSingleton<Dispatch.Grains.Auditing.AuditLog>();
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Agent, p => p.RequireRole(ApiRoles.Agent, ApiRoles.Admin))
            .AddPolicy(AuthPolicies.Planner, p => p.RequireRole(ApiRoles.Planner, ApiRoles.Admin))
            .AddPolicy(AuthPolicies.Admin, p => p.RequireRole(ApiRoles.Admin))
            .AddPolicy(AuthPolicies.Reader, p => p.RequireRole(ApiRoles.All))
            // Everything needs a key unless it says otherwise (health, OpenAPI, Scalar).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireRole(ApiRoles.All)
                .Build());

        // After the silo's own hosted service, so the registry grain can be reached.
        builder.Services.AddHostedService<AdminKeyBootstrapper>();
        return builder;
    }
}
