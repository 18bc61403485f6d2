using System.Net;
using System.Text.RegularExpressions;

namespace Dispatch.Console.Tests;

/// <summary>The console's files are served at / without a key, while the API beside them still needs one.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleHostingTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Root_NoKey_ServesTheConsoleAndItsHashedAssetsButNotTheApi()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.Address };

        using var page = await http.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());

        var script = ScriptPath().Match(html);
        Assert.True(script.Success, html);
        using var asset = await http.GetAsync(script.Groups["path"].Value);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var me = await http.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var network = await http.GetAsync("/v1/network");
        Assert.Equal(HttpStatusCode.Unauthorized, network.StatusCode);
    }

    [Fact]
    public async Task Me_PlannerKey_AnswersItsRole()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.PlannerKey);

        var body = await http.GetStringAsync("/v1/me");

        Assert.Contains("\"role\":\"planner\"", body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"console planner\"", body, StringComparison.Ordinal);
        Assert.Contains("\"keyId\":\"", body, StringComparison.Ordinal);
    }

    [GeneratedRegex("src=\"\\./(?<path>assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();
}
