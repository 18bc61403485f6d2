using Dispatch.Load.Api;

namespace Dispatch.Load.Tests;

public class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080/", true)]
    [InlineData("http://127.4.5.6/", true)]
    [InlineData("http://localhost:1234/", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("https://127.0.0.1/", true)]
    [InlineData("http://192.168.1.10/", false)]
    [InlineData("http://0.0.0.0/", false)]
    [InlineData("http://localhost.evil.test/", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsLoopback_Address_OnlyThisMachine(string url, bool expected)
    {
        Assert.Equal(expected, LoopbackGuard.IsLoopback(new Uri(url)));
    }

    [Fact]
    public void DispatchApiClient_RemoteAddress_Refuses()
    {
        Assert.Throws<ArgumentException>(() =>
            new DispatchApiClient(new Uri("http://203.0.113.7/"), null, 1, TimeSpan.FromSeconds(1), TimeProvider.System));
    }
}
