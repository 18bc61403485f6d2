using System.Net;
using System.Text;

namespace Dispatch.Cli.Tests.Support;

/// <summary>A fake scenario API behind an <see cref="HttpMessageHandler"/>: answers from a script and records every request.</summary>
public sealed class StubSilo : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, HttpResponseMessage> _answer;
    private readonly List<RecordedRequest> _requests = [];

    /// <param name="answer">The answer to a request, given how many requests came before it.</param>
    public StubSilo(Func<RecordedRequest, int, HttpResponseMessage> answer)
    {
        _answer = answer;
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Runs before each answer, e.g. to cancel the planner's token while the run is polled.</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, Uri? location = null)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, status >= HttpStatusCode.BadRequest ? "application/problem+json" : "application/json"),
        };
        response.Headers.Location = location;
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(recorded);
        }

        OnRequest?.Invoke(recorded);
        cancellationToken.ThrowIfCancellationRequested();
        return _answer(recorded, index);
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body)
{
    public string Path => Uri.AbsolutePath;
}
