using Dispatch.Solver.Batch;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.BatchLive;

public class LiveBatchTests
{
    private const double Tolerance = 1e-6;
    private static readonly BatchSolverSettings Options = new() { TimeLimit = TimeSpan.FromSeconds(60), Workers = 1, Seed = 1 };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SolveBatch_RandomSmallNetwork_EqualsExhaustiveOptimum(int seed)
    {
        var batch = RandomLiveNetworks.Create(seed);
        var oracle = new ScratchBatchOracle(batch);

        var result = EngineFor(batch).SolveBatch(batch.Incidents, Options);

        Assert.True(result.Optimal);
        Assert.Equal(0, result.Gap);
        Assert.Equal(oracle.Optimum(), result.Objective, Tolerance);
        Assert.Equal(oracle.Objective(ChoiceOf(batch, result)), result.Objective, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SolveBatch_RandomSmallNetwork_AssignsOnlyEligibleOptionsAtTheirCost(int seed)
    {
        var batch = RandomLiveNetworks.Create(seed);
        var oracle = new ScratchBatchOracle(batch);

        var result = EngineFor(batch).SolveBatch(batch.Incidents, Options);

        foreach (var assigned in result.Assignments)
        {
            var index = IndexOf(batch, assigned.IncidentId);
            var expected = Assert.Single(oracle.Options[index], o => o.ResourceId == assigned.Option.ResourceId && o.Mode == assigned.Option.Mode);
            Assert.Equal(expected.Cost, assigned.Cost, Tolerance);
            Assert.Equal(expected.Sku, assigned.Option.Part);
            Assert.Equal(expected.CenterId, assigned.Option.CenterId);
        }

        Assert.Equal(batch.Incidents.Count, result.Assignments.Count + result.Unassigned.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SolveBatch_RandomSmallNetwork_NeverWorseThanGreedy(int seed)
    {
        var batch = RandomLiveNetworks.Create(seed);
        var oracle = new ScratchBatchOracle(batch);
        var engine = EngineFor(batch);

        var greedy = engine.GreedyBatch(batch.Incidents);
        var solved = engine.SolveBatch(batch.Incidents, Options);

        Assert.Equal(oracle.Objective(ChoiceOf(batch, greedy)), greedy.Objective, Tolerance);
        Assert.True(solved.Objective <= greedy.Objective + Tolerance, $"batch {solved.Objective} > greedy {greedy.Objective}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SolveBatch_RandomSmallNetwork_NeverOverusesUnitsOrParts(int seed)
    {
        var batch = RandomLiveNetworks.Create(seed, maxIncidents: 6);
        var oracle = new ScratchBatchOracle(batch);

        var result = EngineFor(batch).SolveBatch(batch.Incidents, Options);

        var units = result.Assignments.Select(a => a.Option.ResourceId).ToList();
        Assert.Equal(units.Count, units.Distinct(StringComparer.Ordinal).Count());
        foreach (var line in result.Assignments.Where(a => a.Option.Part is not null).GroupBy(a => (a.Option.CenterId, a.Option.Part!)))
        {
            Assert.True(line.Count() <= oracle.Available(line.Key.CenterId, line.Key.Item2), $"{line.Key} used {line.Count()} times");
        }
    }

    public static TheoryData<int> LineSeeds() => [.. Enumerable.Range(1, 16)];

    [Theory]
    [MemberData(nameof(LineSeeds))]
    public void SolveBatch_ManyMoreUnitsThanIncidents_StopsSearchEarlyAndStaysOptimal(int seed)
    {
        var batch = RandomLiveNetworks.Line(seed);
        var oracle = new ScratchBatchOracle(batch);
        var engine = EngineFor(batch);

        var result = engine.SolveBatch(batch.Incidents, Options);

        Assert.True(result.Optimal);
        Assert.Equal(oracle.Optimum(), result.Objective, Tolerance);
        Assert.True(engine.LastBatchCandidateCount < oracle.Options.Sum(o => o.Count),
            $"looked at {engine.LastBatchCandidateCount} options of {oracle.Options.Sum(o => o.Count)}");
    }

    [Fact]
    public void SolveBatch_TwoIncidentsOneScarceUnit_GivesTheScarceUnitToWhoNeedsItWhereGreedyDoesNot()
    {
        // i-first is served by u-near (10 min) or u-far (30 min); i-second only by u-near (its center's radius).
        var engine = NetworkBuilder.Create()
            .Center("c-near", Places.Base, c => c.Radius(100).Resource("u-near", "flatbed", Places.North(Places.Base, 10)))
            .Center("c-far", Places.South(Places.Base, 30), c => c.Radius(45).Resource("u-far", "flatbed"))
            .BuildEngine();
        (string, Incident)[] incidents =
        [
            ("i-first", TestIncidents.At(Places.Base)),
            ("i-second", TestIncidents.At(Places.North(Places.Base, 40))),
        ];

        var greedy = engine.GreedyBatch(incidents);
        var solved = engine.SolveBatch(incidents, Options);

        Assert.Equal("u-near", Assert.Single(greedy.Assignments).Option.ResourceId);
        Assert.Equal(["u-far", "u-near"], solved.Assignments.Select(a => a.Option.ResourceId));
        Assert.Equal(30 + 30, solved.Objective, Tolerance);
        Assert.True(solved.Objective < greedy.Objective);
    }

    [Fact]
    public void SolveBatch_UnitCoveringADemandPointAlone_PrefersAUnitWhoseAreaStaysCovered()
    {
        // u-guard alone covers d-town (weight 100); u-spare is 20 minutes slower but covers nothing alone.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u-guard", "flatbed").Resource("u-spare", "flatbed", Places.North(Places.Base, 20)))
            .DemandPoint("d-town", Places.South(Places.Base, 50), 100)
            .BuildEngine();

        var result = engine.SolveBatch([("i", TestIncidents.At(Places.Base))], Options);

        Assert.Equal("u-spare", Assert.Single(result.Assignments).Option.ResourceId);
        Assert.Equal(20, result.Objective, Tolerance);
        Assert.Equal(0, result.Breakdown.LostDemandWeight);
    }

    [Fact]
    public void SolveBatch_IncidentOutsideTheServedArea_IsUnassignedWithThatReason()
    {
        var engine = NetworkBuilder.Create().Center("c", Places.Base, c => c.Resource("u", "flatbed")).BuildEngine();

        var result = engine.SolveBatch([("lost", TestIncidents.At(Places.Nowhere)), ("here", TestIncidents.At(Places.Base))], Options);

        var unassigned = Assert.Single(result.Unassigned);
        Assert.Equal(("lost", LiveBatchResult.OutsideServedArea), (unassigned.IncidentId, unassigned.Reason));
        Assert.Equal("here", Assert.Single(result.Assignments).IncidentId);
        Assert.Equal(20000, result.Objective, Tolerance);
    }

    [Fact]
    public void SolveBatch_SameIdTwice_Throws()
    {
        var engine = NetworkBuilder.Create().Center("c", Places.Base, c => c.Resource("u", "flatbed")).BuildEngine();

        Assert.Throws<ArgumentException>(() => engine.SolveBatch([("a", TestIncidents.At(Places.Base)), ("a", TestIncidents.At(Places.Base))], Options));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void GreedyBatch_Always_LeavesTheEngineAsItFoundIt(int seed)
    {
        var batch = RandomLiveNetworks.Create(seed, maxIncidents: 6);
        var engine = EngineFor(batch);
        var before = DocumentJson.Write(engine.ToDocument());
        var lossBefore = batch.Document.Centers!.SelectMany(c => c.Resources!).Select(r => engine.CoverageLoss(r.Id!)).ToArray();

        engine.GreedyBatch(batch.Incidents);

        Assert.Equal(before, DocumentJson.Write(engine.ToDocument()));
        Assert.Equal(lossBefore, batch.Document.Centers!.SelectMany(c => c.Resources!).Select(r => engine.CoverageLoss(r.Id!)).ToArray());
    }

    private static DispatchEngine EngineFor(LiveBatchCase batch)
    {
        var errors = NetworkValidator.Validate(batch.Document);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Path + ": " + e.Message)));
        return DispatchEngine.Create(batch.Document);
    }

    private static int IndexOf(LiveBatchCase batch, string id) => batch.Incidents.Select(p => p.Id).ToList().IndexOf(id);

    private static (string ResourceId, string Mode)?[] ChoiceOf(LiveBatchCase batch, LiveBatchResult result)
    {
        var choice = new (string, string)?[batch.Incidents.Count];
        foreach (var assigned in result.Assignments)
        {
            choice[IndexOf(batch, assigned.IncidentId)] = (assigned.Option.ResourceId, assigned.Option.Mode);
        }

        return choice;
    }
}
