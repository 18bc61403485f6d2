using System.Text.Json;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace Dispatch.Silo.Problems;

/// <summary>
/// Turns exceptions into problem answers: bad request bodies (malformed JSON, wrong types, too
/// large) into 4xx with a useful detail, an unavailable database or silo into a 503 with Retry-After, anything
/// else into a 500 that reveals nothing inside.
/// Request bodies are never logged (they carry customers' names and phone numbers).
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var (status, detail) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while a silo or the database is down: a warning without the stack, once per request.
            logger.ServiceUnavailable(httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = Unavailability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            logger.UnhandledError(exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty);
        }
        else
        {
            logger.RequestRejected(httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, status);
        }

        httpContext.Response.StatusCode = status;
        await ProblemResults.Create(status, detail).ExecuteAsync(httpContext);
        return true;
    }

    private static (int Status, string Detail) Classify(Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return (StatusCodes.Status413PayloadTooLarge, "The request body is larger than this endpoint accepts.");
            case BadHttpRequestException bad when FindJsonError(bad) is { } json:
                return (StatusCodes.Status400BadRequest, DescribeJson(json));
            case BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500:
                return (bad.StatusCode, bad.Message);
            case JsonException json:
                return (StatusCodes.Status400BadRequest, DescribeJson(json));
            case var transient when Unavailability.IsTransient(transient):
                return (StatusCodes.Status503ServiceUnavailable,
                    "The service is briefly unavailable (storage or a cluster member did not answer); nothing was half-done that a retry cannot finish. Retry after the Retry-After delay.");
            default:
                return (StatusCodes.Status500InternalServerError, "The server failed to handle the request. The error has been logged.");
        }
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    // The serializer's own message can quote the .NET type; the path and position are what a client needs.
    private static string DescribeJson(JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var line = json.LineNumber is { } l ? $" (line {l + 1}, byte {json.BytePositionInLine + 1})" : string.Empty;
        return $"The request body is not valid JSON for this endpoint{where}{line}.";
    }
}
