using System.Text.Json;
using Dispatch.Silo.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Silo.Tests;

public sealed class ProblemsHelperTests
{
    [Fact]
    public async Task Conflict_WithExtensionObject_WritesMembersCamelCased()
    {
        var (status, json) = await ExecuteAsync(ProblemResults.Conflict("The resource is taken.", new { FreshRecommendation = new { ResourceId = "r-1" } }));
        Assert.Equal(409, status);
        Assert.Equal("The resource is taken.", json.GetProperty("detail").GetString());
        Assert.Equal("r-1", json.GetProperty("freshRecommendation").GetProperty("resourceId").GetString());
    }

    [Fact]
    public async Task Validation_SeveralErrorsSamePath_GroupsMessagesByPath()
    {
        var (status, json) = await ExecuteAsync(ProblemResults.Validation(
        [
            ("centers[0].location.lat", "must be within -90..90"),
            ("centers[0].location.lat", "must be finite"),
            ("regions", "must not be empty"),
        ]));
        Assert.Equal(400, status);
        var errors = json.GetProperty("errors");
        Assert.Equal(2, errors.GetProperty("centers[0].location.lat").GetArrayLength());
        Assert.Equal(1, errors.GetProperty("regions").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(422)]
    public async Task NotFoundAndUnprocessable_Always_CarryTypeTitleStatusDetail(int expected)
    {
        var result = expected == 404 ? ProblemResults.NotFound("No incident i-9.") : ProblemResults.Unprocessable("Outside the served area.");
        var (status, json) = await ExecuteAsync(result);
        Assert.Equal(expected, status);
        Assert.Equal(expected, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
    }

    private static async Task<(int Status, JsonElement Json)> ExecuteAsync(IResult result)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        Assert.Equal("application/problem+json", context.Response.ContentType?.Split(';')[0]);
        return (context.Response.StatusCode, JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }
}
