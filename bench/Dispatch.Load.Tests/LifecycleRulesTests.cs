using Dispatch.Load.Workload;

namespace Dispatch.Load.Tests;

public class LifecycleRulesTests
{
    [Theory]
    [InlineData(Lifecycle.Dispatched, "onsite", Lifecycle.Enroute)]
    [InlineData(Lifecycle.Enroute, "onsite", Lifecycle.OnScene)]
    [InlineData(Lifecycle.OnScene, "onsite", Lifecycle.Completed)]
    [InlineData(Lifecycle.OnScene, "tow", Lifecycle.Towing)]
    [InlineData(Lifecycle.Towing, "tow", Lifecycle.Completed)]
    public void NextStep_DispatchedCase_FollowsTheLifecycle(Lifecycle from, string mode, Lifecycle expected)
    {
        Assert.Equal(expected, LifecycleRules.NextStep(from, mode));
    }

    [Theory]
    [InlineData(Lifecycle.Open)]
    [InlineData(Lifecycle.Completed)]
    [InlineData(Lifecycle.Cancelled)]
    public void NextStep_NotMoving_HasNone(Lifecycle from)
    {
        Assert.Null(LifecycleRules.NextStep(from, "tow"));
    }

    [Theory]
    [InlineData(Lifecycle.Dispatched, Lifecycle.Dispatched, true)]
    [InlineData(Lifecycle.Dispatched, Lifecycle.OnScene, true)]
    [InlineData(Lifecycle.Enroute, Lifecycle.Cancelled, true)]
    [InlineData(Lifecycle.OnScene, Lifecycle.Enroute, false)]
    [InlineData(Lifecycle.Dispatched, Lifecycle.Open, false)]
    [InlineData(Lifecycle.Completed, Lifecycle.Cancelled, false)]
    [InlineData(Lifecycle.Cancelled, Lifecycle.Cancelled, true)]
    public void CanHaveReached_AcknowledgedAndObserved_OnlyForward(Lifecycle acknowledged, Lifecycle observed, bool expected)
    {
        Assert.Equal(expected, LifecycleRules.CanHaveReached(acknowledged, observed));
    }

    [Fact]
    public void Parse_EveryName_RoundTrips()
    {
        foreach (var state in Enum.GetValues<Lifecycle>())
        {
            Assert.Equal(state, LifecycleRules.Parse(state.Name()));
        }

        Assert.Null(LifecycleRules.Parse("Dispatched"));
    }
}
