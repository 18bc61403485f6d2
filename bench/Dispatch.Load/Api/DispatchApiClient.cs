using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Dispatch.Load.Api;

/// <summary>The calls of docs/api.md the load generator makes, through one <see cref="HttpClient"/> over a
/// <see cref="SocketsHttpHandler"/> pool of keep-alive connections.</summary>
/// <remarks>
/// <para>Every call runs to its end on the calling thread and returns a completed task: the run's sender threads
/// each drive one request at a time, as wrk's <c>-c</c>, with the synchronous <see cref="HttpClient.Send(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// and a synchronous read of the body, so that no answer is handed through the thread pool (whose spinning workers
/// cost the old asynchronous generator more CPU than the server it measured, on two shared cores).</para>
/// <para>At most <c>maxConnections</c> calls are on the wire at once (the handler's connection limit is the same);
/// a call that finds them all busy blocks until one is free, and its service time starts only then. Transport
/// failures (refused, reset) surface as <see cref="HttpRequestException"/> or <see cref="IOException"/>, a timeout
/// as an unrequested <see cref="TaskCanceledException"/>, so that callers count them apart from HTTP answers. The
/// cancellation token is looked at before a call and while waiting for the answer's header.</para>
/// </remarks>
public sealed class DispatchApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly TimeSpan _requestTimeout;
    private readonly Uri _baseAddress;
    private readonly Uri _recommendations;
    private int _disposed;

    public DispatchApiClient(Uri baseAddress, string? apiKey, int maxConnections, TimeSpan requestTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        LoopbackGuard.Require(baseAddress);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnections);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestTimeout, TimeSpan.Zero);

        _time = time;
        _requestTimeout = requestTimeout;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
        _baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _recommendations = Resolve("v1/recommendations");
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            // Kept for the whole run, so that each sender reuses a warm keep-alive connection as wrk does.
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = requestTimeout,
            ConnectCallback = (context, cancel) => ValueTask.FromResult<Stream>(Connect(context.DnsEndPoint, cancel)),
        };
        _http = new HttpClient(handler) { Timeout = requestTimeout };
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public Task<ApiResponse> GetNetworkAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "v1/network", null, ct);

    public Task<ApiResponse> GetIncidentAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"v1/incidents/{Uri.EscapeDataString(id)}", null, ct);

    /// <summary>One page of the open cases; <paramref name="cursor"/> is the previous page's nextCursor (null: the first).</summary>
    public Task<ApiResponse> ListOpenIncidentsAsync(string? cursor, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, cursor is null ? "v1/incidents?status=open&limit=1000" : $"v1/incidents?status=open&limit=1000&cursor={Uri.EscapeDataString(cursor)}", null, ct);

    /// <summary>The answer's body is skipped, not decoded: no operation reads a recommendation (its Body is empty).</summary>
    public Task<ApiResponse> RecommendAsync(byte[] incidentJson, CancellationToken ct) =>
        ExchangeAsync(HttpMethod.Post, _recommendations, incidentJson, readBody: false, ct);

    public Task<ApiResponse> CreateIncidentAsync(byte[] incidentJson, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "v1/incidents", incidentJson, ct);

    public Task<ApiResponse> DispatchAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"v1/incidents/{Uri.EscapeDataString(id)}/dispatch", "{}"u8.ToArray(), ct);

    public Task<ApiResponse> PostEventAsync(string id, string type, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"v1/incidents/{Uri.EscapeDataString(id)}/events", WireJson.Serialize(new { type }), ct);

    public Task<ApiResponse> PostStockAsync(string centerId, string sku, int delta, CancellationToken ct) =>
        SendAsync(
            HttpMethod.Post,
            $"v1/centers/{Uri.EscapeDataString(centerId)}/stock",
            WireJson.Serialize(new { sku, delta, reason = "load-test" }),
            ct);

    public Task<ApiResponse> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<ApiResponse> PostAsync(string path, byte[] json, CancellationToken ct) => SendAsync(HttpMethod.Post, path, json, ct);

    /// <param name="target">An address made once with <see cref="Resolve"/>, for a path called at high rate.</param>
    /// <param name="readBody">False to skip the answer's body (its Body is then empty).</param>
    public Task<ApiResponse> PostAsync(Uri target, byte[] json, bool readBody, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(json);
        return ExchangeAsync(HttpMethod.Post, target, json, readBody, ct);
    }

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, byte[]? json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(method);
        return ExchangeAsync(method, Resolve(path), json, readBody: true, ct);
    }

    /// <summary>The absolute address of an API path (relative to the base address, leading '/' or not).</summary>
    public Uri Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(_baseAddress, path.TrimStart('/'));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _http.Dispose();
        _slots.Dispose();
    }

    /// <summary>Runs the call on the calling thread (the returned task is complete).</summary>
    private Task<ApiResponse> ExchangeAsync(HttpMethod method, Uri target, byte[]? json, bool readBody, CancellationToken ct)
    {
        try
        {
            return Task.FromResult(Exchange(method, target, json, readBody, ct));
        }
        catch (Exception error)
        {
            return Task.FromException<ApiResponse>(error);
        }
    }

    private ApiResponse Exchange(HttpMethod method, Uri target, byte[]? json, bool readBody, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        ct.ThrowIfCancellationRequested();
        _slots.Wait(ct);
        try
        {
            // Service time starts once a connection is ours: a wait for one is the generator's queue, not the server's.
            var started = _time.GetTimestamp();
            using var request = new HttpRequestMessage(method, target);
            if (json is not null)
            {
                request.Content = new ByteArrayContent(json);
                // Exactly what the API expects; no charset parameter, no parsing.
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            }

            using var response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead, ct);
            // Read to its end, so that the connection goes back to the pool for the next call.
            using var body = response.Content.ReadAsStream(ct);
            var text = readBody ? ReadText(body) : Drain(body);
            return new ApiResponse((int)response.StatusCode, text, _time.GetElapsedTime(started));
        }
        catch (Exception error) when (IsTimeout(error) && !ct.IsCancellationRequested)
        {
            // Counted as a transport error (an unrequested cancellation, see OperationCall), with one message
            // whether the header (HttpClient's timeout) or the body (the socket's) was late.
            throw new TaskCanceledException($"The request timed out after {_requestTimeout.TotalSeconds:0.#}s.", error);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static string Drain(Stream body)
    {
        body.CopyTo(Stream.Null);
        return string.Empty;
    }

    private static string ReadText(Stream body)
    {
        using var buffer = new MemoryStream();
        body.CopyTo(buffer);
        return buffer.Length == 0 ? string.Empty : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsTimeout(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or SocketException { SocketErrorCode: SocketError.TimedOut } or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the handler's own synchronous connect does, plus socket timeouts: HttpClient's timeout ends
    /// with the answer's header, and these bound the synchronous reads of its body that follow.</summary>
    private NetworkStream Connect(DnsEndPoint endPoint, CancellationToken cancel)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var timeout = (int)Math.Clamp(_requestTimeout.TotalMilliseconds, 1, int.MaxValue);
        socket.NoDelay = true;
        socket.ReceiveTimeout = timeout;
        socket.SendTimeout = timeout;
        try
        {
            using (cancel.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket))
            {
                socket.Connect(endPoint);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
