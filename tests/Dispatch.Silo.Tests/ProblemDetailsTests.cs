using System.Net;
using System.Text;

namespace Dispatch.Silo.Tests;

public sealed class ProblemDetailsTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    private SiloHarness Silo => fixture.Silo;

    [Fact]
    public async Task Post_MalformedJson_Returns400Problem()
    {
        using var admin = Silo.Admin();
        using var content = new StringContent("{\"name\": \"x\", \"role\": ", Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/v1/admin/keys", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WrongJsonType_Returns400ProblemNamingThePath()
    {
        using var admin = Silo.Admin();
        using var content = new StringContent("{\"name\": 42, \"role\": \"agent\"}", Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/v1/admin/keys", content);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.name", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithLength_Returns413Problem()
    {
        using var admin = Silo.Admin();
        using var content = new StringContent(LargeJson(2 * 1024 * 1024), Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/v1/admin/keys", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413Problem()
    {
        using var admin = Silo.Admin();
        var bytes = Encoding.UTF8.GetBytes(LargeJson(2 * 1024 * 1024));
        // A stream of unknown length goes out chunked: the server only finds out while reading.
        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await admin.PostAsync("/v1/admin/keys", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404Problem()
    {
        using var admin = Silo.Admin();
        using var response = await admin.GetAsync("/v1/no-such-thing");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task UnhandledException_Returns500ProblemWithoutInternals()
    {
        using var admin = Silo.Admin();
        using var response = await admin.GetAsync(FailingRouteStartupFilter.Path);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    private static string LargeJson(int size) =>
        "{\"name\": \"" + new string('x', size) + "\", \"role\": \"agent\"}";

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
