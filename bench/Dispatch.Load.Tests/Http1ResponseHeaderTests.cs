using Dispatch.Load.Api;

namespace Dispatch.Load.Tests;

public class Http1ResponseHeaderTests
{
    [Fact]
    public void Parse_Kestrel200Chunked_ReadsFraming()
    {
        var header = Http1ResponseHeader.Parse("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nServer: Kestrel\r\nTransfer-Encoding: chunked\r\n\r\n"u8);

        Assert.Equal(new Http1ResponseHeader(200, -1, Chunked: true, KeepAlive: true), header);
    }

    [Theory]
    [InlineData("HTTP/1.1 422 Unprocessable Entity\r\ncontent-length: 12\r\n\r\n", 422, 12, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 200, 0, false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", 200, 0, true)]
    [InlineData("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n", 204, -1, false)]
    public void Parse_StatusLengthAndConnection_AreRead(string text, int status, long length, bool keepAlive)
    {
        var header = Http1ResponseHeader.Parse(System.Text.Encoding.ASCII.GetBytes(text));

        Assert.Equal(status, header.Status);
        Assert.Equal(length, header.ContentLength);
        Assert.Equal(keepAlive, header.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/2 200\r\n\r\n")]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")]
    public void Parse_NotHttp1_Throws(string text)
    {
        Assert.Throws<HttpRequestException>(() => Http1ResponseHeader.Parse(System.Text.Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("1a", 26)]
    [InlineData("0", 0)]
    [InlineData("FF;name=value", 255)]
    public void ParseChunkSize_Hex_IsRead(string line, long expected)
    {
        Assert.Equal(expected, Http1ResponseHeader.ParseChunkSize(System.Text.Encoding.ASCII.GetBytes(line)));
    }
}
