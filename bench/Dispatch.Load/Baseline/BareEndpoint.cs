using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Load.Baseline;

/// <summary>A bare Kestrel endpoint: what HTTP + JSON alone cost on this machine, to compare the engine's
/// throughput against, and to find the load generator's own ceiling.</summary>
/// <remarks>It reads and parses the posted JSON and answers a small JSON object, the least an API call does.
/// <c>Dispatch.Load --serve-bare PORT</c> serves it in a process of its own, as the silo is.</remarks>
public sealed class BareEndpoint : IAsyncDisposable
{
    public const string Path = "bare";

    private readonly WebApplication _app;

    private BareEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Fires when the host is asked to stop (SIGTERM, SIGINT): whoever keeps it serving must then let go,
    /// or the host's console lifetime holds the process open waiting for it.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <param name="port">0 for any free port.</param>
    public static async Task<BareEndpoint> StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/" + Path, async (HttpRequest request, CancellationToken ct) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
            var fields = body.RootElement.ValueKind == JsonValueKind.Object ? body.RootElement.EnumerateObject().Count() : 0;
            return Results.Json(new BareReply("ok", fields));
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareEndpoint(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record BareReply(string Status, int Fields);
}
