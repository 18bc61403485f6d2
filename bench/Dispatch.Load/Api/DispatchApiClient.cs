using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dispatch.Load.Api;

/// <summary>The calls of docs/api.md the load generator makes, over a pool of keep-alive HTTP/1.1 connections.</summary>
/// <remarks>
/// Every call runs to its end on the calling thread and returns a completed task: the run's sender threads each
/// drive one connection, as wrk's <c>-c</c> (see <see cref="Http1Connection"/> for why this is not
/// <see cref="HttpClient"/>). At most <c>maxConnections</c> calls are on the wire at once; a call that finds them
/// all busy blocks until one is free. Transport failures (refused, reset, timeout) surface as
/// <see cref="HttpRequestException"/> or an unrequested cancellation so that callers count them apart from HTTP
/// answers. The cancellation token is looked at before a call, not during one (the request timeout bounds it).
/// </remarks>
public sealed class DispatchApiClient : IDisposable
{
    private readonly ConcurrentStack<Http1Connection> _idle = new();
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly TimeSpan _requestTimeout;
    private readonly EndPoint _endPoint;
    private readonly string _pathBase;
    private readonly string _fixedHeaders;
    private readonly byte[] _recommendHead;
    private int _disposed;

    public DispatchApiClient(Uri baseAddress, string? apiKey, int maxConnections, TimeSpan requestTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        LoopbackGuard.Require(baseAddress);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnections);
        if (baseAddress.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"Refusing {baseAddress}: the load generator speaks plain HTTP/1.1 only.", nameof(baseAddress));
        }

        _time = time;
        _requestTimeout = requestTimeout;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
        var host = baseAddress.IdnHost.Trim('[', ']');
        _endPoint = IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, baseAddress.Port) : new DnsEndPoint(host, baseAddress.Port);
        _pathBase = baseAddress.AbsolutePath.EndsWith('/') ? baseAddress.AbsolutePath : baseAddress.AbsolutePath + "/";
        _fixedHeaders = "\r\nHost: " + baseAddress.Authority + (string.IsNullOrEmpty(apiKey) ? string.Empty : "\r\nAuthorization: Bearer " + apiKey);
        _recommendHead = Head("POST", "v1/recommendations", hasBody: true);
    }

    /// <summary>Open connections waiting for a call.</summary>
    public int IdleConnections => _idle.Count;

    public Task<ApiResponse> GetNetworkAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "v1/network", null, ct);

    public Task<ApiResponse> GetIncidentAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"v1/incidents/{Uri.EscapeDataString(id)}", null, ct);

    public Task<ApiResponse> ListOpenIncidentsAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, "v1/incidents?status=open", null, ct);

    /// <summary>The answer's body is skipped, not decoded: no operation reads a recommendation (its Body is empty).</summary>
    public Task<ApiResponse> RecommendAsync(byte[] incidentJson, CancellationToken ct) =>
        ExchangeAsync(_recommendHead, incidentJson, readBody: false, ct);

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

    /// <param name="readBody">False to skip the answer's body (its Body is then empty).</param>
    public Task<ApiResponse> PostAsync(RequestHead head, byte[] json, bool readBody, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(head);
        return ExchangeAsync(head.Bytes, json, readBody, ct);
    }

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, byte[]? json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(method);
        return ExchangeAsync(Head(method.Method, path, json is not null), json, readBody: true, ct);
    }

    /// <summary>A POST request line and headers made once, for a path called at high rate.</summary>
    public RequestHead PostHead(string path) => new(Head("POST", path, hasBody: true));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        while (_idle.TryPop(out var connection))
        {
            connection.Dispose();
        }

        _slots.Dispose();
    }

    private byte[] Head(string method, string path, bool hasBody) =>
        Encoding.ASCII.GetBytes(method + " " + _pathBase + path.TrimStart('/') + " HTTP/1.1" + _fixedHeaders
            + (hasBody ? "\r\nContent-Type: application/json" : string.Empty));

    /// <summary>Runs the call on the calling thread (the returned task is complete): see <see cref="Http1Connection"/>.</summary>
    private Task<ApiResponse> ExchangeAsync(byte[] head, byte[]? json, bool readBody, CancellationToken ct)
    {
        try
        {
            return Task.FromResult(Exchange(head, json, readBody, ct));
        }
        catch (Exception error)
        {
            return Task.FromException<ApiResponse>(error);
        }
    }

    private ApiResponse Exchange(byte[] head, byte[]? json, bool readBody, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        ct.ThrowIfCancellationRequested();
        _slots.Wait(ct);
        try
        {
            // Service time starts once a connection is ours: a wait for one is the generator's queue, not the server's.
            var started = _time.GetTimestamp();
            for (var attempt = 0; ; attempt++)
            {
                var connection = _idle.TryPop(out var idle) ? idle : Connect();
                try
                {
                    var (status, body) = connection.Exchange(head, json ?? [], json is not null, readBody);
                    if (connection.Reusable)
                    {
                        _idle.Push(connection);
                    }
                    else
                    {
                        connection.Dispose();
                    }

                    return new ApiResponse(status, body, _time.GetElapsedTime(started));
                }
                catch (HttpRequestException) when (attempt == 0 && connection.Exchanges > 0 && !connection.ResponseStarted)
                {
                    // The server closed an idle keep-alive and no byte of an answer came: once more on a fresh
                    // connection, as HttpClient does.
                    connection.Dispose();
                }
                catch (TimeoutException error)
                {
                    connection.Dispose();
                    // Counted as a transport error like HttpClient's own timeout (see OperationCall).
                    throw new TaskCanceledException($"The request timed out after {_requestTimeout.TotalSeconds:0.#}s.", error);
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private Http1Connection Connect()
    {
        var socket = _endPoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        var timeout = (int)Math.Clamp(_requestTimeout.TotalMilliseconds, 1, int.MaxValue);
        socket.NoDelay = true;
        socket.ReceiveTimeout = timeout;
        socket.SendTimeout = timeout;
        try
        {
            socket.Connect(_endPoint);
        }
        catch (SocketException error)
        {
            socket.Dispose();
            throw new HttpRequestException($"Cannot connect to {_endPoint}: {error.Message}", error);
        }

        return new Http1Connection(new NetworkStream(socket, ownsSocket: true));
    }
}

/// <summary>A request line and headers encoded once (see <see cref="DispatchApiClient.PostHead"/>).</summary>
public sealed class RequestHead(byte[] bytes)
{
    internal byte[] Bytes { get; } = bytes;
}
