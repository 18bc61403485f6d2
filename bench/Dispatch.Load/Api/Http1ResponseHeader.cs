using System.Buffers.Text;
using System.Globalization;

namespace Dispatch.Load.Api;

/// <summary>What the generator needs of an HTTP/1.1 answer's header: its status and how its body is framed.</summary>
public readonly record struct Http1ResponseHeader(int Status, long ContentLength, bool Chunked, bool KeepAlive)
{
    /// <summary>Parses a header block (status line, fields, blank line).</summary>
    /// <exception cref="HttpRequestException">Not an HTTP/1.x answer.</exception>
    public static Http1ResponseHeader Parse(ReadOnlySpan<byte> block)
    {
        var lineEnd = block.IndexOf("\r\n"u8);
        var statusLine = lineEnd >= 0 ? block[..lineEnd] : block;
        // "HTTP/1.1 200 OK": the version, one space, three digits.
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var consumed) || consumed != 3)
        {
            throw new HttpRequestException("The answer is not HTTP/1.x: " + Preview(statusLine));
        }

        // HTTP/1.1 keeps the connection by default, HTTP/1.0 closes it.
        var keepAlive = statusLine[7] == (byte)'1';
        long contentLength = -1;
        var chunked = false;
        var rest = lineEnd >= 0 ? block[(lineEnd + 2)..] : [];
        while (rest.Length > 0)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end >= 0 ? rest[..end] : rest;
            rest = end >= 0 ? rest[(end + 2)..] : [];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (name.EqualsOrdinalIgnoreCase("Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out var used) || used != value.Length || contentLength < 0)
                {
                    throw new HttpRequestException("The answer's Content-Length is not a number: " + Preview(value));
                }
            }
            else if (name.EqualsOrdinalIgnoreCase("Transfer-Encoding"u8))
            {
                chunked = value.ContainsOrdinalIgnoreCase("chunked"u8);
            }
            else if (name.EqualsOrdinalIgnoreCase("Connection"u8))
            {
                if (value.ContainsOrdinalIgnoreCase("close"u8))
                {
                    keepAlive = false;
                }
                else if (value.ContainsOrdinalIgnoreCase("keep-alive"u8))
                {
                    keepAlive = true;
                }
            }
        }

        return new Http1ResponseHeader(status, chunked ? -1 : contentLength, chunked, keepAlive);
    }

    /// <summary>The hex size of a chunk-size line (extensions after ';' ignored).</summary>
    public static long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon >= 0 ? line[..semicolon] : line).Trim((byte)' ');
        if (digits.Length is 0 or > 15 || !Utf8Parser.TryParse(digits, out long size, out var used, 'X') || used != digits.Length)
        {
            throw new HttpRequestException("A chunk size of the answer is not hexadecimal: " + Preview(line));
        }

        return size;
    }

    private static string Preview(ReadOnlySpan<byte> text) =>
        System.Text.Encoding.ASCII.GetString(text[..Math.Min(text.Length, 60)]).ToString(CultureInfo.InvariantCulture);
}

internal static class AsciiSpans
{
    public static bool EqualsOrdinalIgnoreCase(this ReadOnlySpan<byte> text, ReadOnlySpan<byte> other) =>
        System.Text.Ascii.EqualsIgnoreCase(text, other);

    public static bool ContainsOrdinalIgnoreCase(this ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        for (var i = 0; i + word.Length <= text.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(i, word.Length), word))
            {
                return true;
            }
        }

        return false;
    }
}
