using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Tests;

public sealed class RequestBodyLimitsTests
{
    [Theory]
    [InlineData("PUT", "/v1/network", 16L * 1024 * 1024)]
    [InlineData("put", "/V1/Network", 16L * 1024 * 1024)]
    [InlineData("GET", "/v1/network", 1024L * 1024)]
    [InlineData("POST", "/v1/incidents", 1024L * 1024)]
    [InlineData("POST", "/v1/admin/keys", 1024L * 1024)]
    [InlineData("POST", "/v1/scenarios", 32L * 1024 * 1024)]
    [InlineData("POST", "/v1/scenarios/", 32L * 1024 * 1024)]
    [InlineData("GET", "/v1/scenarios", 1024L * 1024)]
    [InlineData("POST", "/v1/scenarios/scn-1/cancel", 1024L * 1024)]
    public void LimitFor_Defaults_NetworkDocumentAndScenariosLargeEverythingElseSmall(string method, string path, long expected)
    {
        var limits = new RequestBodyLimits(Options.Create(new BodyLimitOptions()));
        Assert.Equal(expected, limits.LimitFor(Request(method, path)));
    }

    [Fact]
    public void LimitFor_Configured_UsesSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DispatchSettings.NetworkBodyLimitBytes] = "1000",
            [DispatchSettings.DefaultBodyLimitBytes] = "10",
            [DispatchSettings.ScenarioBodyLimitBytes] = "2000",
        }).Build();
        var limits = new RequestBodyLimits(Options.Create(configuration.GetSection(BodyLimitOptions.Section).Get<BodyLimitOptions>()!));
        Assert.Equal(1000, limits.LimitFor(Request("PUT", "/v1/network")));
        Assert.Equal(2000, limits.LimitFor(Request("POST", "/v1/scenarios")));
        Assert.Equal(10, limits.LimitFor(Request("POST", "/v1/recommendations")));
    }

    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context.Request;
    }
}
