using System.Security.Claims;
using Dispatch.Grains.Auditing;

namespace Dispatch.Silo.Auth;

/// <summary>Puts the authenticated key's id in Orleans' RequestContext, so that every grain call the request makes
/// (and every call those make) knows who acts, without a parameter on each grain method (<see cref="Caller"/>).</summary>
public static class CallerContext
{
    /// <summary>The key id of the request's caller, or null for a request without a valid key.</summary>
    public static string? KeyIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim);
    }

    /// <summary>After authentication: from here on the request's grain calls carry the caller's key id.</summary>
    public static IApplicationBuilder UseDispatchCaller(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Set inside this async method, so the value belongs to this request's flow and ends with it.
            if (KeyIdOf(context.User) is { Length: > 0 } keyId)
            {
                Caller.Set(keyId);
            }

            await next(context);
        });
}
