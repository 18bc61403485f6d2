using System.Net;
using System.Text.Json;

namespace Dispatch.Silo.Tests;

public sealed class HealthEndpointTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    [Fact]
    public async Task Live_WithoutKey_ReturnsOk()
    {
        using var client = fixture.Silo.Anonymous();
        using var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithoutKey_ReportsSiloActiveAndStorageAnswering()
    {
        using var client = fixture.Silo.Anonymous();
        using var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Equal("healthy", json.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_WithoutKey_ServesDocumentWithBearerScheme()
    {
        using var client = fixture.Silo.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var scheme = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(json.GetProperty("paths").TryGetProperty("/v1/admin/keys", out _));
    }

    [Fact]
    public async Task Scalar_WithoutKey_ServesUi()
    {
        using var client = fixture.Silo.Anonymous();
        using var response = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
