using Microsoft.Net.Http.Headers;

namespace Dispatch.Silo.Hosting;

/// <summary>The operations web console (<c>web/</c>, built into <c>wwwroot/</c>) at <c>/</c>: static files and
/// <c>index.html</c> as the default document.</summary>
/// <remarks>Served before authentication: the page and its scripts hold no data, and the console asks for an API key
/// before it calls the API, which still needs one for everything. No route of the API is at <c>/</c> or under
/// <c>/assets/</c>, and a request for a file that does not exist goes on to the endpoints (and their 401 or 404).</remarks>
public static class ConsoleHosting
{
    private const string HashedAssets = "/assets/";

    public static WebApplication UseDispatchConsole(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // Vite names bundles by content hash, so they never change; index.html names the current ones, so it
                // is checked on every load, and a rebuilt console is picked up at once.
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments(HashedAssets.TrimEnd('/'), StringComparison.Ordinal)
                        ? "public, max-age=31536000, immutable"
                        : "no-cache";
            },
        });
        return app;
    }
}
