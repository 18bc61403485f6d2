using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class JsonPathTextTests
{
    [Theory]
    [InlineData("TIRE-255/45R20", "centers[0].stock.TIRE-255/45R20")]
    [InlineData("flat_tire", "centers[0].stock.flat_tire")]
    [InlineData("a.b", "centers[0].stock['a.b']")]
    [InlineData("TIRE 255", "centers[0].stock['TIRE 255']")]
    [InlineData("it's", "centers[0].stock['it\\'s']")]
    [InlineData("", "centers[0].stock['']")]
    public void Key_VariousKeys_WritesAnUnambiguousPath(string key, string expected)
    {
        Assert.Equal(expected, JsonPathText.Key("centers[0].stock", key));
    }

    [Fact]
    public void Key_OversizedKey_IsCutShort()
    {
        var path = JsonPathText.Key("parameters.faults", new string('f', 100_000));

        Assert.True(path.Length < 300);
    }

    [Fact]
    public void Member_AtRoot_HasNoLeadingDot()
    {
        Assert.Equal("regions", JsonPathText.Member("", "regions"));
    }
}
