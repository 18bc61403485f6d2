using Dispatch.Cli.Api;
using Dispatch.Cli.Input;

namespace Dispatch.Cli.Tests.Api;

public class ProblemDetailsTests
{
    [Fact]
    public void Read_ErrorsAsListsAndAsText_KeepsEveryMessageWithItsPath()
    {
        var problem = ProblemDetails.Read(400, """{"title":"Bad","detail":"see errors","errors":{"a[0]":["x","y"],"b":"z"}}""");

        Assert.Equal("HTTP 400 Bad: see errors", problem.Headline);
        Assert.Equal([new InputError("a[0]", "x"), new InputError("a[0]", "y"), new InputError("b", "z")], problem.Errors);
    }

    [Theory]
    [InlineData("", "HTTP 502")]
    [InlineData("<html>Bad Gateway</html>", "HTTP 502: <html>Bad Gateway</html>")]
    [InlineData("[1,2]", "HTTP 502: [1,2]")]
    public void Read_NotProblemDetails_ShowsTheBodyAsItIs(string body, string headline)
    {
        var problem = ProblemDetails.Read(502, body);

        Assert.Equal(headline, problem.Headline);
        Assert.Empty(problem.Errors);
    }
}
