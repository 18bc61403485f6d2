using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Silo.Tests.Harness;

/// <summary>
/// Test-only: after the real pipeline, a request to <see cref="Path"/> throws an exception whose
/// message must never reach the client.
/// </summary>
internal sealed class FailingRouteStartupFilter : IStartupFilter
{
    public const string Path = "/test/fail";
    public const string Secret = "connection-string=Password=hunter2 at Dispatch.Internal.Secret";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((context, following) => context.Request.Path == Path
            ? throw new InvalidOperationException(Secret)
            : following(context));
    };
}
