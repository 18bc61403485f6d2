using System.Text;
using Dispatch.Load.Api;

namespace Dispatch.Load.Tests;

public class Http1ConnectionTests
{
    private static readonly byte[] PostHead = "POST /v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1:5080\r\nContent-Type: application/json"u8.ToArray();

    [Fact]
    public void Exchange_ChunkedAnswer_ReadsStatusAndWholeBody()
    {
        var stream = new ScriptedStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n{\"a\":\r\n3\r\n1}\n\r\n0\r\n\r\n");
        using var connection = new Http1Connection(stream);

        var (status, body) = connection.Exchange(PostHead, "{\"x\":1}"u8, hasBody: true, readBody: true);

        Assert.Equal(200, status);
        Assert.Equal("{\"a\":1}\n", body);
        Assert.True(connection.Reusable);
        Assert.Equal(
            "POST /v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1:5080\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"x\":1}",
            stream.Written);
    }

    [Fact]
    public void Exchange_ContentLengthAnswersBackToBack_ReadsEachOnItsOwn()
    {
        var stream = new ScriptedStream("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 409 Conflict\r\nContent-Length: 4\r\n\r\nnope");
        using var connection = new Http1Connection(stream);

        var first = connection.Exchange("GET /a HTTP/1.1\r\nHost: h"u8, [], hasBody: false, readBody: true);
        var second = connection.Exchange("GET /b HTTP/1.1\r\nHost: h"u8, [], hasBody: false, readBody: true);

        Assert.Equal((201, "{}"), first);
        Assert.Equal((409, "nope"), second);
        Assert.Equal(2, connection.Exchanges);
        Assert.StartsWith("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b", stream.Written, StringComparison.Ordinal);
    }

    [Fact]
    public void Exchange_BodyNotWanted_SkipsItAndStaysInStep()
    {
        var stream = new ScriptedStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        using var connection = new Http1Connection(stream);

        Assert.Equal((200, string.Empty), connection.Exchange(PostHead, "{}"u8, hasBody: true, readBody: false));
        Assert.Equal((200, "ok"), connection.Exchange(PostHead, "{}"u8, hasBody: true, readBody: true));
    }

    [Fact]
    public void Exchange_ConnectionClose_IsNotReusable()
    {
        using var connection = new Http1Connection(new ScriptedStream("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));

        Assert.Equal(503, connection.Exchange(PostHead, "{}"u8, hasBody: true, readBody: true).Status);
        Assert.False(connection.Reusable);
    }

    [Fact]
    public void Exchange_ClosedBeforeAnyAnswer_ThrowsWithoutAResponseStarted()
    {
        using var connection = new Http1Connection(new ScriptedStream(string.Empty));

        Assert.Throws<HttpRequestException>(() => connection.Exchange(PostHead, "{}"u8, hasBody: true, readBody: true));
        Assert.False(connection.ResponseStarted);
        Assert.False(connection.Reusable);
    }

    [Fact]
    public void Exchange_ClosedMidBody_Throws()
    {
        using var connection = new Http1Connection(new ScriptedStream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));

        Assert.Throws<HttpRequestException>(() => connection.Exchange(PostHead, "{}"u8, hasBody: true, readBody: true));
        Assert.True(connection.ResponseStarted);
    }

    [Fact]
    public void Exchange_LargeChunkedBodyInSmallReads_ArrivesWhole()
    {
        var payload = new string('x', 100_000);
        var answer = $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{payload.Length:x}\r\n{payload}\r\n0\r\n\r\n";
        using var connection = new Http1Connection(new ScriptedStream(answer, readSize: 7));

        Assert.Equal(payload, connection.Exchange(PostHead, "{}"u8, hasBody: true, readBody: true).Body);
    }

    /// <summary>Answers a fixed script, a few bytes per read if asked, and keeps what is written.</summary>
    private sealed class ScriptedStream(string answers, int readSize = int.MaxValue) : Stream
    {
        private readonly MemoryStream _input = new(Encoding.UTF8.GetBytes(answers));
        private readonly MemoryStream _output = new();

        public string Written => Encoding.UTF8.GetString(_output.ToArray());

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, Math.Min(count, readSize));

        public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _input.Dispose();
                _output.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
