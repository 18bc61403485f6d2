using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dispatch.Silo.Tests.Notifications;

/// <summary>A real webhook on loopback (Kestrel): records every post, answers 503 to the first
/// <see cref="FailFirst"/> posts of each message id and 200 after, and keeps the messages it took, deduplicated by id
/// as a receiver should. It can be stopped and started again on the same port (a receiver that is down).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> postsById = new(StringComparer.Ordinal);
    private WebApplication? app;

    public WebhookReceiver(int failFirst, int? port = null)
    {
        FailFirst = failFirst;
        Port = port ?? FreeLoopbackPort();
    }

    public int FailFirst { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks/dispatch");

    /// <summary>Every post, in the order received.</summary>
    public ConcurrentQueue<ReceivedPost> Posts { get; } = new();

    /// <summary>The messages taken (answered 2xx), first post of each id only.</summary>
    public ConcurrentDictionary<string, ReceivedPost> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>How many posts of an id were answered 2xx (a receiver dedupes; the test checks the silo needs it rarely).</summary>
    public ConcurrentDictionary<string, int> AcceptedPosts { get; } = new(StringComparer.Ordinal);

    public static int FreeLoopbackPort() => Dispatch.TestKit.Silos.FreePort.Next();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var started = builder.Build();
        started.MapPost("/hooks/dispatch", ReceiveAsync);
        await started.StartAsync();
        app = started;
    }

    public async Task StopAsync()
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var id = request.Headers["X-Dispatch-Message-Id"].ToString();
        var post = new ReceivedPost(
            DateTimeOffset.UtcNow,
            id,
            request.Headers["X-Dispatch-Signature"].ToString(),
            request.Headers["X-Dispatch-Timestamp"].ToString(),
            request.Headers["X-Dispatch-Attempt"].ToString(),
            request.ContentType,
            buffer.ToArray());
        Posts.Enqueue(post);
        var seen = postsById.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (seen <= FailFirst)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        AcceptedPosts.AddOrUpdate(id, 1, (_, n) => n + 1);
        Accepted.TryAdd(id, post);
        return Results.Ok();
    }
}

public sealed record ReceivedPost(DateTimeOffset At, string MessageId, string Signature, string Timestamp, string Attempt, string? ContentType, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
