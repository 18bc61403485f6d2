using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Tests;

public class ArrivalPlannerTests
{
    private static readonly OperationMix Mix = OperationMix.Parse(OperationMix.Default);

    [Fact]
    public void Plan_SameSeed_GivesTheSameStreamInAnyOrder()
    {
        var forward = new ArrivalPlanner(Mix, 7);
        var backward = new ArrivalPlanner(Mix, 7);

        var a = Enumerable.Range(0, 500).Select(i => (forward.KindOf(i), forward.Plan(i).Random.Next())).ToList();
        var b = Enumerable.Range(0, 500).Reverse().Select(i => (backward.KindOf(i), backward.Plan(i).Random.Next())).Reverse().ToList();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Plan_OtherSeed_GivesAnotherStream()
    {
        var one = Enumerable.Range(0, 200).Select(i => new ArrivalPlanner(Mix, 1).KindOf(i));
        var two = Enumerable.Range(0, 200).Select(i => new ArrivalPlanner(Mix, 2).KindOf(i));

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void DeriveSeed_NeighbouringIndices_AreUnrelated()
    {
        var seeds = Enumerable.Range(0, 10_000).Select(i => ArrivalPlanner.DeriveSeed(1, i)).ToHashSet();

        Assert.Equal(10_000, seeds.Count);
    }
}
