using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Metrics;
using Dispatch.Silo.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Per-key rate limits: one token bucket per API key, sized by its role (<see cref="RateLimitOptions"/>), so one runaway
/// client slows only itself. Requests without a key are not limited here: they are refused by authentication anyway,
/// and health probes and metric scrapes must never be refused. A refusal is a 429 problem with <c>Retry-After</c>.
/// The buckets are per silo: behind a balancer over N silos a key may reach N times its rate.
/// </summary>
public static class RateLimitHosting
{
    public static WebApplicationBuilder AddDispatchRateLimits(this WebApplicationBuilder builder)
    {
        builder.AddSettings<RateLimitOptions>(RateLimitOptions.Section, RateLimitOptions.Validate);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionOf(context.User, limits));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>After authentication, which names the key the bucket belongs to.</summary>
    public static WebApplication UseDispatchRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> PartitionOf(ClaimsPrincipal user, RateLimitOptions limits)
    {
        var keyId = user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim);
        if (!limits.Enabled || keyId is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var role = user.FindFirstValue(ClaimTypes.Role) ?? string.Empty;
        var limit = limits.For(role);
        return RateLimitPartition.GetTokenBucketLimiter($"{role}/{keyId}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,

            // Waiting in the silo would hold a connection and a thread for a client that is already too fast.
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<OperationsMetrics>().RecordRateLimited(context.User.FindFirstValue(ClaimTypes.Role) ?? "unknown");
        await ProblemResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests,
            $"This API key sent more requests than its rate limit allows; try again in {seconds} s.");
    }
}
