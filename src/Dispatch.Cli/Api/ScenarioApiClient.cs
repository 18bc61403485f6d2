using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Api;

/// <summary>The calls of docs/api.md the CLI makes: submit a scenario, read it, cancel it ("Scenarios"); plan sites
/// ("Planning"); read the live network (for the places a plan names).</summary>
/// <remarks>Transport failures surface as <see cref="HttpRequestException"/>; every HTTP answer, error or not, comes back
/// as an <see cref="ApiAnswer"/> for the caller to judge.</remarks>
public sealed class ScenarioApiClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="timeout">How long one call may take; default 100 s (a plan may need its time limit and more).</param>
    public ScenarioApiClient(Uri baseAddress, string apiKey, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            // Relative paths below are appended to the base, including any path prefix it has.
            BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/"),
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public Task<ApiAnswer> SubmitAsync(ScenarioRequest request, CancellationToken cancellationToken)
    {
        // The documents' own options: camelCase, nulls left out, "base" written as "live" or a document.
        var json = JsonSerializer.Serialize(request, DocumentJson.Options);
        return SendAsync(HttpMethod.Post, new Uri("v1/scenarios", UriKind.Relative), json, cancellationToken);
    }

    public Task<ApiAnswer> GetAsync(Uri scenario, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, scenario, null, cancellationToken);

    public Task<ApiAnswer> CancelAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, ScenarioPath(id, "/cancel"), "{}", cancellationToken);

    /// <summary><c>POST /v1/planning/placement</c>.</summary>
    public Task<ApiAnswer> PlaceAsync(PlacementRequest request, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(request, DocumentJson.Options);
        return SendAsync(HttpMethod.Post, new Uri(PlacementPath, UriKind.Relative), json, cancellationToken);
    }

    /// <summary><c>GET /v1/network</c>: the live network document.</summary>
    public Task<ApiAnswer> GetNetworkAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, new Uri("v1/network", UriKind.Relative), null, cancellationToken);

    public const string PlacementPath = "v1/planning/placement";

    public static Uri ScenarioPath(string id, string suffix = "") =>
        new($"v1/scenarios/{Uri.EscapeDataString(id)}{suffix}", UriKind.Relative);

    public void Dispose() => _http.Dispose();

    private async Task<ApiAnswer> SendAsync(HttpMethod method, Uri path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var location = response.Headers.Location is { } at ? new Uri(_http.BaseAddress!, at) : null;
        return new ApiAnswer((int)response.StatusCode, body, location);
    }
}
