using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

public sealed class BatchSolverTests
{
    private static readonly PartKey Tire = new("c-lhasa", "TIRE-255/45R20");

    private static BatchResource Tow(int i) => new($"tow{i}", "tow");

    private static BatchIncident Incident(string id, double weight, double penalty, params BatchOption[] options) =>
        new(id, weight, penalty, options);

    private static BatchProblem Problem(
        IReadOnlyList<BatchIncident> incidents,
        int units,
        IReadOnlyDictionary<PartKey, int>? parts = null,
        IReadOnlyList<CoverageDemand>? coverage = null,
        double lambda = 1) =>
        new(incidents, Enumerable.Range(0, units).Select(Tow).ToList(), parts ?? new Dictionary<PartKey, int>(), coverage ?? [], lambda);

    [Fact]
    public void Solve_EmptyBatch_IsTriviallyOptimal()
    {
        var solution = new BatchSolver().Solve(Problem([], 0));

        Assert.Equal(BatchSolveMethod.Trivial, solution.Method);
        Assert.True(solution.Optimal);
        Assert.Equal(0, solution.Objective);
        Assert.Empty(solution.Assignments);
    }

    [Fact]
    public void Solve_IncidentWithoutOptions_IsUnassignedWithNoEligibleUnit()
    {
        var problem = Problem([Incident("a", 1, 500)], 1);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        var unassigned = Assert.Single(solution.Unassigned);
        Assert.Equal(BatchReasonCodes.NoEligibleUnit, unassigned.Reason);
        Assert.Equal(500, solution.Objective);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_OptionsOnlyWithPartsOutOfStock_IsUnassignedWithNoEligibleUnit()
    {
        var problem = Problem(
            [Incident("a", 1, 500, new BatchOption(0, 10, Tire, 0))],
            1,
            new Dictionary<PartKey, int> { [Tire] = 0 });

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(BatchReasonCodes.NoEligibleUnit, Assert.Single(solution.Unassigned).Reason);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_TwoIncidentsOneUnit_HigherPenaltyWinsAndOtherReportsUnitsTaken()
    {
        var problem = Problem(
            [Incident("p3", 1, 20_000, new BatchOption(0, 30, null, 7)), Incident("p1", 4, 100_000, new BatchOption(0, 40, null, 8))],
            1);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        var assignment = Assert.Single(solution.Assignments);
        Assert.Equal("p1", assignment.IncidentId);
        Assert.Equal(8, assignment.Payload);
        Assert.Equal(160, assignment.WeightedCost);
        var unassigned = Assert.Single(solution.Unassigned);
        Assert.Equal(("p3", BatchReasonCodes.UnitsTakenByOtherIncidents), (unassigned.IncidentId, unassigned.Reason));
        Assert.Equal(160 + 20_000, solution.Objective);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_OnePartForTwoIncidents_SecondReportsPartsTaken()
    {
        var problem = Problem(
            [Incident("a", 1, 1000, new BatchOption(0, 10, Tire, 0)), Incident("b", 1, 900, new BatchOption(1, 10, Tire, 1))],
            2,
            new Dictionary<PartKey, int> { [Tire] = 1 });

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal("a", Assert.Single(solution.Assignments).IncidentId);
        var unassigned = Assert.Single(solution.Unassigned);
        Assert.Equal(("b", BatchReasonCodes.PartsTakenByOtherIncidents), (unassigned.IncidentId, unassigned.Reason));
        Assert.Equal(BatchSolveMethod.CpSat, solution.Method);
        Assert.Equal(910, solution.Objective);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_PartStockForEveryone_DoesNotBindAndUsesAssignment()
    {
        var problem = Problem(
            [Incident("a", 1, 1000, new BatchOption(0, 10, Tire, 0)), Incident("b", 1, 900, new BatchOption(1, 10, Tire, 1))],
            2,
            new Dictionary<PartKey, int> { [Tire] = 2 });

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(2, solution.Assignments.Count);
        Assert.Equal(BatchSolveMethod.Assignment, solution.Method);
        Assert.True(solution.Optimal);
    }

    [Theory]
    [InlineData(1.0, 1, 30.0, 0)]
    [InlineData(0.0, 0, 10.0, 1)]
    public void Solve_UnitIsLastCoverOfDemand_CoverageDecidesWhichUnitGoes(double lambda, int expectedResource, double expectedObjective, int expectedLost)
    {
        // Unit 0 is closer but is the only cover of a demand point worth 100; unit 1 covers nothing.
        var problem = Problem(
            [Incident("a", 1, 10_000, new BatchOption(0, 10, null, 0), new BatchOption(1, 30, null, 1))],
            2,
            coverage: [new CoverageDemand("tow", "d1", 100, [0])],
            lambda: lambda);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(expectedResource, Assert.Single(solution.Assignments).ResourceIndex);
        Assert.Equal(expectedObjective, solution.Objective, 9);
        // With lambda 0 the demand is still lost, it just costs nothing.
        Assert.Equal(expectedLost, solution.LostCoverage.Count);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_BatchTakesEveryCoverer_ReportsLostDemandInBreakdown()
    {
        var problem = Problem(
            [Incident("a", 2, 10_000, new BatchOption(0, 10, null, 0)), Incident("b", 1, 10_000, new BatchOption(1, 20, null, 1))],
            3,
            coverage: [new CoverageDemand("tow", "d1", 12.5, [0, 1]), new CoverageDemand("tow", "d2", 40, [1, 2]), new CoverageDemand("tow", "d3", 7, [])],
            lambda: 2);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(2, solution.Assignments.Count);
        Assert.Equal([0], solution.LostCoverage);
        Assert.Equal(new BatchObjectiveBreakdown(40, 12.5, 25, 0), solution.Breakdown);
        Assert.Equal(65, solution.Objective, 9);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_CoverageLossAbovePenalty_LeavesIncidentUnassignedAsCheaper()
    {
        var problem = Problem(
            [Incident("a", 1, 50, new BatchOption(0, 10, null, 0))],
            1,
            coverage: [new CoverageDemand("tow", "d1", 100, [0])]);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(BatchReasonCodes.CheaperUnassigned, Assert.Single(solution.Unassigned).Reason);
        Assert.Equal(50, solution.Objective);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_CostAbovePenalty_PrunesOptionAndLeavesIncidentUnassigned()
    {
        var problem = Problem([Incident("a", 4, 100, new BatchOption(0, 30, null, 0))], 1);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(0, solution.OptionsKept);
        Assert.Equal(BatchReasonCodes.CheaperUnassigned, Assert.Single(solution.Unassigned).Reason);
        Assert.Equal(100, solution.Objective);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_OneIncidentManyUnits_KeepsOnlyTheCheapestOption()
    {
        var options = Enumerable.Range(0, 5).Select(r => new BatchOption(r, 50 - r, null, r)).ToArray();
        var problem = Problem([Incident("a", 1, 10_000, options)], 5);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(5, solution.OptionsGiven);
        Assert.Equal(1, solution.OptionsKept);
        Assert.Equal(4, Assert.Single(solution.Assignments).ResourceIndex);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_ThreeIncidentsSharingFiveUnits_KeepsThreeOptionsEach()
    {
        // Two competitors can take at most two units, so each incident needs only its three cheapest.
        var incidents = Enumerable.Range(0, 3)
            .Select(i => Incident($"i{i}", 1, 10_000, [.. Enumerable.Range(0, 5).Select(r => new BatchOption(r, 10 + (((r + i) % 5) * 7), null, r))]))
            .ToList();

        var solution = new BatchSolver().Solve(Problem(incidents, 5));

        Assert.Equal(9, solution.OptionsKept);
        Assert.Equal(30, solution.Objective);
    }

    [Fact]
    public void Solve_SameOptionOnSameUnitWithDearerMode_KeepsTheCheaperMode()
    {
        var problem = Problem(
            [Incident("a", 1, 10_000, new BatchOption(0, 40, Tire, 0), new BatchOption(0, 25, null, 1))],
            1,
            new Dictionary<PartKey, int> { [Tire] = 3 });

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.Equal(1, solution.OptionsKept);
        Assert.Equal(1, Assert.Single(solution.Assignments).Payload);
        Assert.True(solution.Optimal);
    }

    [Fact]
    public void Solve_SameProblemTwice_GivesTheSameAnswer()
    {
        var problem = RandomBatchProblems.Create(seed: 77, maxIncidents: 12, maxUnits: 16, minSize: 8);
        var options = BatchTestOptions.Unhurried with { Seed = 5, Workers = 1 };

        var first = new BatchSolver().Solve(problem, options);
        var second = new BatchSolver().Solve(problem, options);

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Unassigned, second.Unassigned);
        Assert.Equal(first.Objective, second.Objective);
        Assert.True(first.Optimal);
    }

    [Fact]
    public void Solve_InjectedTimeProvider_ReportsItsElapsedTime()
    {
        var clock = new SteppingTimeProvider(TimeSpan.FromMilliseconds(250));
        var problem = Problem([Incident("a", 1, 100, new BatchOption(0, 10, null, 0))], 1);

        var solution = new BatchSolver(clock).Solve(problem);

        Assert.Equal(TimeSpan.FromMilliseconds(250), solution.SolveTime);
    }

    [Fact]
    public void Solve_FractionalCosts_ReportsTinyRoundingToleranceAndExactObjective()
    {
        var problem = Problem(
            [Incident("a", 2, 10_000, new BatchOption(0, 10.123456789, null, 0)), Incident("b", 4, 10_000, new BatchOption(1, 3.3333333333, null, 1))],
            2,
            coverage: [new CoverageDemand("tow", "d", 1.0 / 3, [0, 1])],
            lambda: 0.7);

        var solution = new BatchSolver().Solve(problem, BatchTestOptions.Unhurried);

        Assert.True(solution.RoundingTolerance <= 1e-5);
        Assert.Equal((2 * 10.123456789) + (4 * 3.3333333333) + (0.7 / 3), solution.Objective, 12);
        Assert.True(solution.Optimal);
    }

    public static TheoryData<string, BatchProblem> InvalidProblems => new()
    {
        { "cost", Problem([Incident("a", 1, 10, new BatchOption(0, -1, null, 0))], 1) },
        { "resourceIndex", Problem([Incident("a", 1, 10, new BatchOption(3, 1, null, 0))], 1) },
        { "unassignedPenalty", Problem([Incident("a", 1, double.NaN)], 1) },
        { "not unique", Problem([Incident("a", 1, 10), Incident("a", 1, 10)], 1) },
        { "class", Problem([Incident("a", 1, 10)], 1, coverage: [new CoverageDemand("service", "d", 1, [0])]) },
        { "coverageLambda", Problem([Incident("a", 1, 10)], 1, lambda: -1) },
    };

    [Theory]
    [MemberData(nameof(InvalidProblems))]
    public void Solve_InvalidProblem_ThrowsNamingTheField(string field, BatchProblem problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new BatchSolver().Solve(problem, BatchTestOptions.Unhurried));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A clock that moves by a fixed step each time it is read, so elapsed time is known exactly.</summary>
    private sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            var now = ticks;
            ticks += step.Ticks;
            return now;
        }
    }
}
