using Dispatch.Cli.Sweep;
using Dispatch.Solver.Documents;

namespace Dispatch.Cli.Tests.CommandLine;

public class SweepParameterTests
{
    [Theory]
    [InlineData("coverageLambda", "parameters.coverageLambda")]
    [InlineData("parameters.crossRegionPenaltyMin", "parameters.crossRegionPenaltyMin")]
    [InlineData("partnerPenaltyMin", "parameters.partnerPenaltyMin")]
    [InlineData("priorityCoverageFactor.p2", "parameters.priorityCoverageFactor.p2")]
    public void Find_SupportedName_WithOrWithoutPrefix(string text, string expected)
    {
        Assert.Equal(expected, SweepParameter.Find(text)?.Name);
    }

    [Theory]
    [InlineData("coveragelambda")]
    [InlineData("priorityCoverageFactor.p4")]
    [InlineData("parameters.timeZone")]
    public void Find_UnsupportedName_IsNull(string text)
    {
        Assert.Null(SweepParameter.Find(text));
    }

    [Fact]
    public void Apply_CoverageLambda_KeepsOtherOverrides()
    {
        var overrides = new NetworkParameters { PartnerPenaltyMin = 3 };

        var applied = SweepParameter.Find("coverageLambda")!.Apply(overrides, 2.5);

        Assert.Equal(2.5, applied.CoverageLambda);
        Assert.Equal(3, applied.PartnerPenaltyMin);
    }

    [Fact]
    public void Apply_PriorityFactor_SetsThatKeyOnlyAndKeepsTheOthersAsked()
    {
        var overrides = new NetworkParameters { PriorityCoverageFactor = new Dictionary<string, double> { ["p1"] = 0.25 } };

        var applied = SweepParameter.Find("priorityCoverageFactor.p3")!.Apply(overrides, 2);

        Assert.Equal(new Dictionary<string, double> { ["p1"] = 0.25, ["p3"] = 2 }, applied.PriorityCoverageFactor);
        Assert.Equal(0.25, overrides.PriorityCoverageFactor!["p1"]);
        Assert.False(overrides.PriorityCoverageFactor.ContainsKey("p3"));
    }

    [Fact]
    public void Apply_NoOverrides_StartsFromEmpty()
    {
        var applied = SweepParameter.Find("crossRegionPenaltyMin")!.Apply(null, 0);

        Assert.Equal(new NetworkParameters { CrossRegionPenaltyMin = 0 }, applied);
    }
}
