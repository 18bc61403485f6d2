using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dispatch.Solver.Documents;

namespace Dispatch.Cluster.Tests;

/// <summary>One request of the load and how it went: <see cref="Status"/> 0 when no answer came (the silo died, the
/// connection broke).</summary>
public sealed record LoadCall(string IncidentId, int Silo, int Status, bool RetryAfter, bool Problem, TimeSpan StartedAt, TimeSpan Took);

/// <summary>Opens flat-tyre cases with automatic dispatch through the silos in turn, and cancels most of the
/// dispatched ones again so that units stay free; every fifth stays dispatched.</summary>
public sealed class DispatchLoad : IAsyncDisposable
{
    private readonly ThreeSiloCluster cluster;
    private readonly HttpClient[] clients;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> workers;
    private readonly ConcurrentDictionary<int, bool> down = new();
    private int turn;

    public DispatchLoad(ThreeSiloCluster cluster, int workers = 3)
    {
        this.cluster = cluster;
        clients = [.. Enumerable.Range(0, ThreeSiloCluster.Size).Select(cluster.Client)];
        Clock = Stopwatch.StartNew();
        this.workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(RunAsync))];
    }

    public Stopwatch Clock { get; }

    public ConcurrentQueue<LoadCall> Calls { get; } = new();

    /// <summary>Cases answered 201 with a unit, kept dispatched (not cancelled by the load).</summary>
    public ConcurrentBag<string> KeptDispatched { get; } = [];

    public int Created => Calls.Count(c => c.Status == 201);

    /// <summary>No more requests to this silo.</summary>
    public void MarkDown(int silo) => down[silo] = true;

    public async Task WaitForAsync(Func<DispatchLoad, bool> condition, TimeSpan deadline)
    {
        var until = Clock.Elapsed + deadline;
        while (!condition(this))
        {
            Assert.True(Clock.Elapsed < until, $"The load did not get there within {deadline.TotalSeconds:0}s; {Calls.Count} calls, {Created} created.");
            await Task.Delay(100);
        }
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var silo = NextSilo();
            var id = "inc-" + Guid.NewGuid().ToString("N")[..12];
            cluster.Incidents[id] = true;
            var body = IncidentBodies.FlatTire(ThreeSiloCluster.Site, id) with { AutoDispatch = true };
            var started = Clock.Elapsed;
            var (status, retryAfter, problem, json) = await SendAsync(clients[silo], HttpMethod.Post, "v1/incidents", DocumentJson.Write(body));
            Calls.Enqueue(new LoadCall(id, silo, status, retryAfter, problem, started, Clock.Elapsed - started));
            if (status == 201 && json.Contains("\"assignment\":{", StringComparison.Ordinal))
            {
                if (Random.Shared.Next(5) == 0)
                {
                    KeptDispatched.Add(id);
                }
                else
                {
                    await SendAsync(clients[silo], HttpMethod.Post, $"v1/incidents/{id}/events", "{\"type\":\"cancelled\"}");
                }
            }
            else if (status is 0 or 503)
            {
                // Not a tight loop against a silo that is down.
                await Task.Delay(200);
            }
        }
    }

    private int NextSilo()
    {
        while (true)
        {
            var silo = (int)((uint)Interlocked.Increment(ref turn) % ThreeSiloCluster.Size);
            if (!down.ContainsKey(silo))
            {
                return silo;
            }
        }
    }

    public static async Task<(int Status, bool RetryAfter, bool Problem, string Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : ThreeSiloCluster.Json(json) };
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, response.Headers.RetryAfter is not null,
                response.Content.Headers.ContentType?.MediaType == "application/problem+json", body);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return (0, false, false, string.Empty);
        }
    }

    public static HttpStatusCode Code(int status) => (HttpStatusCode)status;
}
