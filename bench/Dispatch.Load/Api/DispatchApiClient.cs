using System.Net.Http.Headers;

namespace Dispatch.Load.Api;

/// <summary>The calls of docs/api.md the load generator makes, over one pooled <see cref="HttpClient"/>.</summary>
/// <remarks>Transport failures (refused, reset, timeout) surface as exceptions so that callers count them apart
/// from HTTP answers.</remarks>
public sealed class DispatchApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public DispatchApiClient(Uri baseAddress, string? apiKey, int maxConnections, TimeSpan requestTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        LoopbackGuard.Require(baseAddress);
        _time = time;
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseProxy = false,
            AllowAutoRedirect = false,
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = requestTimeout,
        };
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public Task<ApiResponse> GetNetworkAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "v1/network", null, ct);

    public Task<ApiResponse> GetIncidentAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"v1/incidents/{Uri.EscapeDataString(id)}", null, ct);

    public Task<ApiResponse> ListOpenIncidentsAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, "v1/incidents?status=open", null, ct);

    public Task<ApiResponse> RecommendAsync(byte[] incidentJson, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "v1/recommendations", incidentJson, ct);

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

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, byte[]? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        var started = _time.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return new ApiResponse((int)response.StatusCode, body, _time.GetElapsedTime(started));
    }

    public void Dispose() => _http.Dispose();
}
