using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Problems;

/// <summary>
/// RFC 9457 problem results for endpoints. Every one carries <c>type</c>, <c>title</c>,
/// <c>status</c> and <c>detail</c>; validation problems add <c>errors</c> (path -> messages). They are typed so that
/// an endpoint can declare <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c> and the OpenAPI document shows its answers.
/// </summary>
public static class ProblemResults
{
    /// <summary>400 with every error by its path, e.g. <c>("centers[2].location.lat", "must be within -90..90")</c>.</summary>
    public static ValidationProblem Validation(IEnumerable<(string Path, string Message)> errors, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byPath = errors
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            byPath,
            detail: detail ?? (byPath.Count == 1 ? "The request has 1 invalid field." : $"The request has {byPath.Count} invalid fields."),
            type: ProblemTypes.For(StatusCodes.Status400BadRequest),
            title: "The request is invalid.");
    }

    /// <summary>What a request that needs the network is told before one is loaded.</summary>
    public const string NoNetworkDetail = "No network has been loaded yet.";

    /// <summary>503: nothing can be computed until a network is loaded (PUT /v1/network); retrying later may succeed.</summary>
    public static ProblemHttpResult NoNetwork() => Create(StatusCodes.Status503ServiceUnavailable, NoNetworkDetail);

    /// <summary>400 for a request that is malformed as a whole (no single field to blame).</summary>
    public static ProblemHttpResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, detail);

    /// <summary>404: the id names nothing.</summary>
    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, detail);

    /// <summary>409: the request clashes with the current state; <paramref name="extensions"/> are added as members (e.g. a fresh recommendation).</summary>
    public static ProblemHttpResult Conflict(string detail, object? extensions = null) =>
        Create(StatusCodes.Status409Conflict, detail, extensions);

    /// <summary>422: valid JSON that cannot be served (e.g. outside the served area).</summary>
    public static ProblemHttpResult Unprocessable(string detail, object? extensions = null) =>
        Create(StatusCodes.Status422UnprocessableEntity, detail, extensions);

    public static ProblemHttpResult Create(int status, string detail, object? extensions = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: ProblemTypes.TitleFor(status),
            type: ProblemTypes.For(status),
            extensions: ToExtensions(extensions));

    // Accepts a dictionary as is, or an anonymous/plain object whose public properties become members.
    private static Dictionary<string, object?>? ToExtensions(object? extensions)
    {
        switch (extensions)
        {
            case null:
                return null;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            default:
                return extensions.GetType()
                    .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0)
                    .ToDictionary(p => JsonNaming(p.Name), p => p.GetValue(extensions), StringComparer.Ordinal);
        }
    }

    private static string JsonNaming(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
