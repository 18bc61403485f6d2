using System.Net;
using System.Net.Sockets;
using System.Text;
using Dispatch.Load.Api;
using Dispatch.Load.Baseline;

namespace Dispatch.Load.Tests;

public class DispatchApiClientTests
{
    private static readonly byte[] Incident = "{\"lat\":36.4,\"lon\":94.9,\"mode\":\"tire\"}"u8.ToArray();

    [Fact]
    public async Task PostAsync_BareEndpoint_ReadsStatusAndBodyOrSkipsIt()
    {
        await using var bare = await BareEndpoint.StartAsync(0, CancellationToken.None);
        using var api = new DispatchApiClient(bare.Address, null, 2, TimeSpan.FromSeconds(10), TimeProvider.System);
        var target = api.Resolve(BareEndpoint.Path);

        var read = await api.PostAsync(target, Incident, readBody: true, CancellationToken.None);
        var skipped = await api.PostAsync(target, Incident, readBody: false, CancellationToken.None);
        var again = await api.PostAsync(target, Incident, readBody: true, CancellationToken.None);

        Assert.Equal(200, read.Status);
        Assert.Equal("{\"status\":\"ok\",\"fields\":3}", read.Body);
        Assert.Equal((200, string.Empty), (skipped.Status, skipped.Body));
        Assert.Equal(read.Body, again.Body);
    }

    [Fact]
    public async Task SendAsync_ErrorStatus_IsAnAnswerNotAnException()
    {
        await using var bare = await BareEndpoint.StartAsync(0, CancellationToken.None);
        using var api = new DispatchApiClient(bare.Address, "key", 1, TimeSpan.FromSeconds(10), TimeProvider.System);

        var missing = await api.GetAsync("/v1/network", CancellationToken.None);
        var failing = await api.PostAsync(api.Resolve(BareEndpoint.Path), "not json"u8.ToArray(), readBody: true, CancellationToken.None);

        Assert.Equal(404, missing.Status);
        // The bare endpoint does not guard its JSON parse: a server error, still an answer.
        Assert.Equal(500, failing.Status);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ThrowsHttpRequestException()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var api = new DispatchApiClient(new Uri($"http://127.0.0.1:{port}/"), null, 1, TimeSpan.FromSeconds(5), TimeProvider.System);

        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetNetworkAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_NoAnswer_TimesOutAsAnUnrequestedCancellation()
    {
        using var server = new ScriptedServer(answer: null);
        using var api = new DispatchApiClient(server.Address, null, 1, TimeSpan.FromMilliseconds(300), TimeProvider.System);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => api.RecommendAsync(Incident, CancellationToken.None));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BodyStallsAfterHeader_TimesOutAsAnUnrequestedCancellation()
    {
        using var server = new ScriptedServer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        using var api = new DispatchApiClient(server.Address, null, 1, TimeSpan.FromMilliseconds(300), TimeProvider.System);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => api.GetNetworkAsync(CancellationToken.None));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Accepts connections and, once a request's header has come, writes a fixed answer (or nothing) and
    /// then keeps the connection open without another byte.</summary>
    private sealed class ScriptedServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<TcpClient> _clients = [];

        public ScriptedServer(string? answer)
        {
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _ = ServeAsync(answer is null ? null : Encoding.ASCII.GetBytes(answer));
        }

        public Uri Address { get; }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_clients)
            {
                _clients.ForEach(client => client.Dispose());
            }

            _stop.Dispose();
        }

        private async Task ServeAsync(byte[]? answer)
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    lock (_clients)
                    {
                        _clients.Add(client);
                    }

                    _ = AnswerAsync(client.GetStream(), answer);
                }
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private async Task AnswerAsync(NetworkStream stream, byte[]? answer)
        {
            try
            {
                var received = new List<byte>();
                var buffer = new byte[4096];
                while (!Encoding.ASCII.GetString([.. received]).Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.AddRange(buffer.AsSpan(0, read));
                }

                if (answer is not null)
                {
                    await stream.WriteAsync(answer, _stop.Token);
                }
            }
            catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client gave up or the server stopped.
            }
        }
    }
}
