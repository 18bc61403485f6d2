namespace Dispatch.Silo.Problems;

/// <summary>The <c>type</c> URI and <c>title</c> for each status this API answers with.</summary>
public static class ProblemTypes
{
    public static string For(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ when status >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        _ => "about:blank",
    };

    public static string TitleFor(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        403 => "Forbidden.",
        404 => "Not found.",
        405 => "Method not allowed.",
        409 => "Conflict.",
        413 => "The request body is too large.",
        415 => "Unsupported media type.",
        422 => "The request cannot be served.",
        429 => "Too many requests.",
        503 => "Service unavailable.",
        _ when status >= 500 => "An unexpected error occurred.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    /// <summary>A default <c>detail</c> for answers produced by the framework (status pages, routing).</summary>
    public static string DetailFor(int status) => status switch
    {
        404 => "No resource matches this path.",
        405 => "This path does not accept this HTTP method.",
        415 => "The request body must be JSON (Content-Type: application/json).",
        _ => TitleFor(status),
    };
}
