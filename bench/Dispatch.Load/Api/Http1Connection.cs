using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Dispatch.Load.Api;

/// <summary>One keep-alive HTTP/1.1 connection: one request at a time, written in one send, its answer read with
/// a reused buffer, blocking the calling thread.</summary>
/// <remarks>
/// Why not <see cref="HttpClient"/>: on two cores shared with the server, every microsecond the generator spends per
/// request is taken from the server it measures. HttpClient cost ~20-30 µs per request here and the old generator
/// around it ~50 µs, against ~6 µs for wrk, so the generator, not the server, set the figure; most of it was the
/// thread pool handing each completion to a worker and spinning while waiting for the next. A thread blocked in
/// <c>recv</c> on its own connection is woken by the kernel directly, as wrk's event loop is. This speaks just the
/// HTTP/1.1 the silo and the bare endpoint answer with (Content-Length or chunked bodies, keep-alive) and nothing
/// else (no TLS, redirects, proxies, compression or pipelining).
/// </remarks>
public sealed class Http1Connection : IDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly Stream _stream;
    private byte[] _buffer = new byte[16 * 1024];
    private byte[] _request = new byte[4 * 1024];
    private int _start;
    private int _end;

    public Http1Connection(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>False once the server said <c>Connection: close</c> or an exchange failed half-way.</summary>
    public bool Reusable { get; private set; } = true;

    /// <summary>Requests answered on this connection; a failure on the first byte of a reused one may just be a
    /// keep-alive the server already closed.</summary>
    public int Exchanges { get; private set; }

    /// <summary>Whether any byte of the current exchange's answer has come.</summary>
    public bool ResponseStarted { get; private set; }

    /// <summary>Sends one request and reads its whole answer.</summary>
    /// <param name="head">Request line and headers, without the CRLF after the last one; Content-Length is added.</param>
    /// <param name="body">The body, or null for none.</param>
    /// <param name="readBody">False to skip the body's bytes without decoding them (the answer's Body is then empty).</param>
    /// <exception cref="HttpRequestException">Reset, closed or malformed; <see cref="ResponseStarted"/> tells whether
    /// any byte of the answer had come.</exception>
    /// <exception cref="TimeoutException">The socket's receive or send timeout passed.</exception>
    public (int Status, string Body) Exchange(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body, bool hasBody, bool readBody)
    {
        ResponseStarted = false;
        Reusable = false;
        try
        {
            _stream.Write(Compose(head, body, hasBody).Span);
            var (status, bodyText, keepAlive) = ReadResponse(readBody);
            Reusable = keepAlive;
            Exchanges++;
            return (status, bodyText);
        }
        catch (IOException error) when (error.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut })
        {
            throw new TimeoutException("The server did not answer in time.", error);
        }
        catch (IOException error)
        {
            throw new HttpRequestException($"The connection failed: {error.Message}", error);
        }
        catch (SocketException error)
        {
            throw new HttpRequestException($"The connection failed: {error.Message}", error);
        }
    }

    public void Dispose() => _stream.Dispose();

    private ReadOnlyMemory<byte> Compose(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body, bool hasBody)
    {
        var needed = head.Length + body.Length + 48;
        if (_request.Length < needed)
        {
            _request = new byte[Math.Max(needed, 2 * _request.Length)];
        }

        head.CopyTo(_request);
        var at = head.Length;
        if (hasBody)
        {
            at += Copy("\r\nContent-Length: "u8, at);
            Utf8Formatter.TryFormat(body.Length, _request.AsSpan(at), out var written);
            at += written;
        }

        at += Copy("\r\n\r\n"u8, at);
        body.CopyTo(_request.AsSpan(at));
        return _request.AsMemory(0, at + body.Length);
    }

    private int Copy(ReadOnlySpan<byte> text, int at)
    {
        text.CopyTo(_request.AsSpan(at));
        return text.Length;
    }

    private (int Status, string Body, bool KeepAlive) ReadResponse(bool readBody)
    {
        while (true)
        {
            var headerLength = ReadHeader();
            var header = Http1ResponseHeader.Parse(_buffer.AsSpan(_start, headerLength));
            _start += headerLength;
            if (header.Status is >= 100 and < 200)
            {
                // 100 Continue and the like: the real answer follows.
                continue;
            }

            var sink = readBody ? new ArrayBufferWriter<byte>(header.ContentLength is > 0 and < int.MaxValue ? (int)header.ContentLength : 1024) : null;
            if (header.Chunked)
            {
                ReadChunked(sink);
            }
            else if (header.ContentLength >= 0)
            {
                ReadExactly(header.ContentLength, sink);
            }
            else if (header.Status is not (204 or 304))
            {
                // No length: the body runs to the end of the connection.
                ReadToEnd(sink);
                return (header.Status, Decode(sink), false);
            }

            return (header.Status, Decode(sink), header.KeepAlive);
        }
    }

    private static string Decode(ArrayBufferWriter<byte>? sink) =>
        sink is null || sink.WrittenCount == 0 ? string.Empty : Encoding.UTF8.GetString(sink.WrittenSpan);

    /// <summary>Buffers up to the blank line ending the header; returns its length from <see cref="_start"/>.</summary>
    private int ReadHeader()
    {
        var searched = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(HeaderEnd);
            if (found >= 0)
            {
                return searched + found + HeaderEnd.Length;
            }

            searched = Math.Max(0, _end - _start - (HeaderEnd.Length - 1));
            if (_end - _start >= MaxHeaderBytes)
            {
                throw new HttpRequestException($"The answer's header is longer than {MaxHeaderBytes} bytes.");
            }

            if (Fill() == 0)
            {
                throw new HttpRequestException(ResponseStarted
                    ? "The connection closed in the middle of an answer's header."
                    : "The connection closed before an answer.");
            }
        }
    }

    private void ReadChunked(ArrayBufferWriter<byte>? sink)
    {
        while (true)
        {
            var line = ReadLine();
            var size = Http1ResponseHeader.ParseChunkSize(line);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while (ReadLine().Length > 0)
                {
                }

                return;
            }

            ReadExactly(size, sink);
            if (ReadLine().Length != 0)
            {
                throw new HttpRequestException("A chunk of the answer did not end with CRLF.");
            }
        }
    }

    /// <summary>The next line without its CRLF; valid until the next read.</summary>
    private ReadOnlySpan<byte> ReadLine()
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (found >= 0)
            {
                var line = _buffer.AsSpan(_start, found);
                _start += found + 2;
                return line;
            }

            if (_end - _start >= MaxHeaderBytes)
            {
                throw new HttpRequestException("A chunk-size line of the answer is too long.");
            }

            if (Fill() == 0)
            {
                throw new HttpRequestException("The connection closed in the middle of a chunked answer.");
            }
        }
    }

    private void ReadExactly(long count, ArrayBufferWriter<byte>? sink)
    {
        while (count > 0)
        {
            if (_start == _end && Fill() == 0)
            {
                throw new HttpRequestException("The connection closed in the middle of an answer's body.");
            }

            var take = (int)Math.Min(count, _end - _start);
            sink?.Write(_buffer.AsSpan(_start, take));
            _start += take;
            count -= take;
        }
    }

    private void ReadToEnd(ArrayBufferWriter<byte>? sink)
    {
        do
        {
            sink?.Write(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }
        while (Fill() > 0);
    }

    /// <summary>Reads more bytes after the buffered ones, compacting or growing the buffer first; 0 at the end of the stream.</summary>
    private int Fill()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            var kept = _end - _start;
            var target = kept > _buffer.Length / 2 ? new byte[2 * _buffer.Length] : _buffer;
            Buffer.BlockCopy(_buffer, _start, target, 0, kept);
            _buffer = target;
            _start = 0;
            _end = kept;
        }

        var read = _stream.Read(_buffer.AsSpan(_end));
        _end += read;
        ResponseStarted |= read > 0;
        return read;
    }
}
