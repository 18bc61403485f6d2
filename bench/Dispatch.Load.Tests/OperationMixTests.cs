using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Tests;

public class OperationMixTests
{
    [Fact]
    public void Parse_DefaultMix_KeepsWeightsInOrder()
    {
        var mix = OperationMix.Parse(OperationMix.Default);

        Assert.Equal(
            [OperationKind.Recommend, OperationKind.Dispatch, OperationKind.Events, OperationKind.Cancel, OperationKind.Stock],
            mix.Weights.Select(w => w.Key));
        Assert.Equal(30, mix.WeightOf(OperationKind.Dispatch));
    }

    [Theory]
    [InlineData("")]
    [InlineData("recommend")]
    [InlineData("teleport=5")]
    [InlineData("recommend=-1")]
    [InlineData("recommend=abc")]
    [InlineData("recommend=NaN")]
    [InlineData("recommend=1,recommend=2")]
    [InlineData("recommend=0,stock=0")]
    [InlineData("bare=10")]
    public void TryParse_BadSpec_FailsWithMessage(string spec)
    {
        Assert.False(OperationMix.TryParse(spec, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void TryParse_ZeroWeight_LeavesOperationOut()
    {
        Assert.True(OperationMix.TryParse("recommend=1, stock=0", out var mix, out _));

        Assert.Equal([OperationKind.Recommend], mix.Weights.Select(w => w.Key));
    }

    [Theory]
    [InlineData(0.0, OperationKind.Recommend)]
    [InlineData(0.4999, OperationKind.Recommend)]
    [InlineData(0.5, OperationKind.Dispatch)]
    [InlineData(0.7999, OperationKind.Dispatch)]
    [InlineData(0.8, OperationKind.Events)]
    [InlineData(0.951, OperationKind.Cancel)]
    [InlineData(0.981, OperationKind.Stock)]
    [InlineData(0.9999999999, OperationKind.Stock)]
    public void Pick_UnitDraw_FallsInItsWeightBand(double unit, OperationKind expected)
    {
        var mix = OperationMix.Parse(OperationMix.Default);

        Assert.Equal(expected, mix.Pick(unit));
    }

    [Fact]
    public void Pick_ManySeededDraws_MatchWeightsWithinOnePercent()
    {
        var mix = OperationMix.Parse("recommend=50,dispatch=30,events=20");
        var random = new Random(42);
        const int draws = 100_000;
        var counts = Enumerable.Range(0, draws).Select(_ => mix.Pick(random.NextDouble())).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(counts[OperationKind.Recommend] / (double)draws, 0.49, 0.51);
        Assert.InRange(counts[OperationKind.Dispatch] / (double)draws, 0.29, 0.31);
        Assert.InRange(counts[OperationKind.Events] / (double)draws, 0.19, 0.21);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var mix = OperationMix.Parse("dispatch=2.5,recommend=1");

        Assert.Equal("dispatch=2.5,recommend=1", OperationMix.Parse(mix.ToString()).ToString());
    }
}
