using System.Security.Claims;
using System.Text.Encodings.Web;
using Dispatch.Grains.Auth;
using Dispatch.Silo.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the hashed key registry.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "dispatch:key_id";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (key.Length == 0)
        {
            return AuthenticateResult.Fail("The bearer token is empty.");
        }

        var record = await cache.FindAsync(ApiKeySecret.Hash(key));
        if (record is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, record.Name),
                new Claim(ClaimTypes.Role, record.Role),
                new Claim(KeyIdClaim, record.Id),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemResponses.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "A valid API key is required: send it as 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "This API key's role may not use this endpoint.");
}
