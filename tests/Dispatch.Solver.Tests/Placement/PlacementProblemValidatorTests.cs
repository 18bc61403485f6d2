using Dispatch.Solver.Placement;
using Dispatch.Solver.Tests.Validation;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>A problem built by hand is checked before solving, every error with its path.</summary>
public sealed class PlacementProblemValidatorTests
{
    private static PlacementProblem Valid(PlacementModel model = PlacementModel.Mclp) => new()
    {
        Model = model,
        K = 2,
        CandidateIds = ["a", "b", "c"],
        DemandIds = ["x", "y"],
        Weights = [1, 2],
        Times = [[1, 2], [3, 4], [5, 6]],
        Standards = model == PlacementModel.Mclp ? [2, 2] : null,
    };

    [Fact]
    public void Validate_ValidProblem_NoErrors()
    {
        Assert.Empty(PlacementProblemValidator.Validate(Valid()));
        Assert.Empty(PlacementProblemValidator.Validate(Valid(PlacementModel.PMedian)));
    }

    [Fact]
    public void Validate_KLargerThanCandidates_ErrorAtK()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { K = 4 }), "k", "at most the number of candidate sites, 3");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_KBelowOne_ErrorAtK(int k)
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { K = k }), "k", "at least 1");
    }

    [Fact]
    public void Validate_MissingRow_ErrorAtTimes()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { Times = [[1, 2], [3, 4]] }), "times", "one row per candidate site (3, was 2)");
    }

    [Fact]
    public void Validate_ShortRow_ErrorAtThatRow()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { Times = [[1, 2], [3], [5, 6]] }), "times[1]", "one travel time per demand point (2, was 1)");
    }

    [Theory]
    [InlineData(-1.0, "must be >= 0")]
    [InlineData(double.NaN, "finite")]
    [InlineData(double.PositiveInfinity, "finite")]
    public void Validate_BadTime_ErrorAtThatCell(double time, string message)
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { Times = [[1, 2], [3, 4], [5, time]] }), "times[2][1]", message);
    }

    [Fact]
    public void Validate_ManyBadTimes_ListsTwentyAndSummarizes()
    {
        var times = Enumerable.Range(0, 3).Select(_ => Enumerable.Repeat(double.NaN, 20).ToArray()).ToArray();
        var problem = Valid() with { DemandIds = [.. Enumerable.Range(0, 20).Select(i => $"d{i}")], Weights = [.. Enumerable.Repeat(1.0, 20)], Standards = [.. Enumerable.Repeat(1.0, 20)], Times = times };

        var errors = PlacementProblemValidator.Validate(problem);

        Assert.Equal(21, errors.Count);
        ErrorAssert.Contains(errors, "times", "40 more rows or travel times are invalid");
    }

    [Fact]
    public void Validate_NegativeWeight_ErrorAtThatWeight()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { Weights = [1, -2] }), "weights[1]", "must be >= 0");
    }

    [Fact]
    public void Validate_WeightCountMismatch_ErrorAtWeights()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { Weights = [1] }), "weights", "one entry per demand point (2, was 1)");
    }

    [Fact]
    public void Validate_MclpWithoutStandards_ErrorAtStandards()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { Standards = null }), "standards", "required for mclp");
    }

    [Fact]
    public void Validate_PreCoveredCountMismatch_ErrorAtPreCovered()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { PreCovered = [true] }), "preCovered", "one entry per demand point");
    }

    [Fact]
    public void Validate_ExistingTimes_InfinityAllowedNaNNot()
    {
        var problem = Valid(PlacementModel.PMedian);

        Assert.Empty(PlacementProblemValidator.Validate(problem with { ExistingTimes = [double.PositiveInfinity, 3] }));
        ErrorAssert.Single(PlacementProblemValidator.Validate(problem with { ExistingTimes = [1, double.NaN] }), "existingTimes[1]", "must be >= 0 or +infinity");
        ErrorAssert.Single(PlacementProblemValidator.Validate(problem with { ExistingTimes = [1] }), "existingTimes", "one entry per demand point");
    }

    [Fact]
    public void Validate_DuplicateCandidateId_ErrorAtSecond()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { CandidateIds = ["a", "b", "a"] }), "candidateIds[2]", "duplicate candidate 'a'");
    }

    [Fact]
    public void Validate_NoCandidates_ErrorAtCandidateIds()
    {
        var errors = PlacementProblemValidator.Validate(Valid() with { CandidateIds = [], Times = [], K = 1 });

        ErrorAssert.Contains(errors, "candidateIds", "at least one candidate");
    }

    [Fact]
    public void Validate_NonPositiveTimeLimit_ErrorAtTimeLimit()
    {
        ErrorAssert.Single(PlacementProblemValidator.Validate(Valid() with { TimeLimit = TimeSpan.Zero }), "timeLimit", "positive");
    }

    [Fact]
    public void Solve_InvalidProblem_ThrowsArgumentExceptionNamingThePath()
    {
        var error = Assert.Throws<ArgumentException>(() => PlacementSolver.Solve(Valid() with { K = 9 }, TimeSpan.FromSeconds(1)));

        Assert.Contains("k: must be at most", error.Message, StringComparison.Ordinal);
    }
}
