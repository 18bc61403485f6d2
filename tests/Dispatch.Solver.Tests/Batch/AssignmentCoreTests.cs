using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

public sealed class AssignmentCoreTests
{
    [Fact]
    public void Solve_PenaltyBelowEveryArc_LeavesRowOut()
    {
        AssignmentRow[] rows = [new([(0, 50)], 10), new([(0, 5)], 100)];

        var choice = AssignmentCore.Solve(rows) ?? throw new InvalidOperationException("overflow");

        Assert.Equal([-1, 0], choice);
    }

    [Fact]
    public void Solve_MoreRowsThanResources_AssignsTheCheapestCombination()
    {
        // Row 0 is cheapest on resource 7, but row 1 loses more without it.
        AssignmentRow[] rows = [new([(7, 1), (9, 3)], 100), new([(7, 2), (9, 40)], 100), new([(9, 4)], 30)];

        var choice = AssignmentCore.Solve(rows) ?? throw new InvalidOperationException("overflow");

        Assert.Equal([1, 0, -1], choice);
    }

    [Fact]
    public void Solve_TwoArcsToOneResource_PicksTheCheaper()
    {
        AssignmentRow[] rows = [new([(3, 9), (3, 4)], 100)];

        var choice = AssignmentCore.Solve(rows) ?? throw new InvalidOperationException("overflow");

        Assert.Equal([1], choice);
    }
}
