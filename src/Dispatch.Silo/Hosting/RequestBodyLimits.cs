using Dispatch.Silo.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Per-request body limits: the whole network document may be large, a scenario (a whole base document and many
/// replayed calls) larger still, everything else is small.
/// A declared length over the limit is refused before reading; a chunked body is cut off by the
/// server when it passes the limit (the exception handler turns that into a 413 problem).
/// </summary>
public sealed class RequestBodyLimits(IOptions<BodyLimitOptions> options) : IMiddleware
{
    private readonly long networkLimit = options.Value.NetworkBodyBytes;
    private readonly long scenarioLimit = options.Value.ScenarioBodyBytes;
    private readonly long defaultLimit = options.Value.DefaultBodyBytes;

    public long LimitFor(HttpRequest request) =>
        (HttpMethods.IsPut(request.Method) && request.Path.Equals("/v1/network", StringComparison.OrdinalIgnoreCase))
            || (HttpMethods.IsPost(request.Method) && request.Path.Equals("/v1/dispatch/batch", StringComparison.OrdinalIgnoreCase))
            ? networkLimit
            : HttpMethods.IsPost(request.Method) && IsScenarios(request.Path)
                ? scenarioLimit
                : defaultLimit;

    // With or without the trailing slash that MapGroup also accepts.
    private static bool IsScenarios(PathString path) =>
        path.Equals("/v1/scenarios", StringComparison.OrdinalIgnoreCase) || path.Equals("/v1/scenarios/", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var limit = LimitFor(context.Request);
        if (context.Request.ContentLength > limit)
        {
            await ProblemResponses.WriteAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than the limit of {limit} bytes for this endpoint.");
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
