namespace Dispatch.Silo.Problems;

/// <summary>Writes a problem answer from places that are not endpoints (middleware, auth handlers).</summary>
public static class ProblemResponses
{
    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        ProblemResults.Create(status, detail).ExecuteAsync(context);
}
