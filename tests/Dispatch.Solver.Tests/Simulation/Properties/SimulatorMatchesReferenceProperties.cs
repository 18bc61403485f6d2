using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using Dispatch.Solver.Tests.Simulation.Reference;
using Xunit.Abstractions;

namespace Dispatch.Solver.Tests.Simulation.Properties;

/// <summary>The fast what-if simulator gives the reference simulator's KPIs on random small networks and replayed
/// calls (docs/simulation.md), under both policies.</summary>
/// <remarks>Set DISPATCH_SIMULATION_SEED to run one seed alone when reproducing a failure, or
/// DISPATCH_SIMULATION_CASES to sweep more seeds than the default.</remarks>
public sealed class SimulatorMatchesReferenceProperties(ITestOutputHelper output)
{
    public const int FirstSeed = 1;
    public const int CaseCount = 500;
    private const int ReportedFailures = 3;

    [Fact]
    public void Run_RandomReplayedCalls_KpisEqualReference()
    {
        var single = Environment.GetEnvironmentVariable("DISPATCH_SIMULATION_SEED");
        var count = Environment.GetEnvironmentVariable("DISPATCH_SIMULATION_CASES") is { } wanted ? int.Parse(wanted, CultureInfo.InvariantCulture) : CaseCount;
        var seeds = single is null ? Enumerable.Range(FirstSeed, count) : [int.Parse(single, CultureInfo.InvariantCulture)];
        var failures = new List<string>();
        var failed = 0;
        var totals = new Totals();
        var watch = Stopwatch.StartNew();
        foreach (var seed in seeds)
        {
            string? failure;
            try
            {
                failure = Check(SimulationCase.Generate(seed), totals);
            }
            catch (Exception ex)
            {
                failure = $"seed {seed}: {ex}";
            }

            if (failure is not null)
            {
                failed++;
                if (failures.Count < ReportedFailures)
                {
                    failures.Add(failure);
                }
            }
        }

        output.WriteLine($"{totals.Cases} networks, {totals.Calls} calls, 2 policies each, in {watch.Elapsed.TotalSeconds:F1} s: {totals}");
        if (failed > 0)
        {
            var report = new StringBuilder($"{failed} of {totals.Cases} seeds differ (DISPATCH_SIMULATION_SEED=<seed> reruns one). First ones:\n");
            failures.ForEach(f => report.AppendLine(f));
            Assert.Fail(report.ToString());
        }

        if (single is null)
        {
            // Equal answers prove little if the runs never queue, drop, run out of stock or tie: make sure they do.
            Assert.True(totals.Queued > 100, $"too little queueing: {totals}");
            Assert.True(totals.WaitedTooLong > 20, $"too few calls dropped for waiting: {totals}");
            Assert.True(totals.NoUnitBusy > 5, $"too few calls dropped with no unit busy: {totals}");
            Assert.True(totals.StockOuts > 20, $"too few stock-outs: {totals}");
            Assert.True(totals.TyresConsumed > 20, $"too few tyres consumed: {totals}");
            Assert.True(totals.Outside > 20, $"too few calls outside every region: {totals}");
            Assert.True(totals.Ties > 100, $"too few ties on reportedAt: {totals}");
        }
    }

    /// <summary>Runs one case through <see cref="ScenarioRunner"/> (scenario: coverage, baseline: closest, same
    /// network) and through the reference; describes every difference, or returns null.</summary>
    internal static string? Check(SimulationCase simulation, Totals? totals = null)
    {
        var request = new ScenarioRequest
        {
            Name = $"seed {simulation.Seed}",
            Base = ScenarioBase.Of(simulation.Network),
            Demand = new DemandDocument { Incidents = simulation.Requests },
            Policy = "coverage",
            BaselinePolicy = "closest",
            MaxWaitMin = simulation.MaxWaitMin,
        };
        var prepared = ScenarioRunner.Prepare(request, null);
        if (!prepared.IsValid)
        {
            return $"{simulation.Describe()}the request was refused: {string.Join("; ", prepared.Errors.Select(e => $"{e.Path}: {e.Message}"))}";
        }

        var outcome = ScenarioRunner.Run(prepared.Scenario);
        var text = new StringBuilder();
        foreach (var (policy, actual) in new[] { (RankingPolicy.Coverage, outcome.Scenario), (RankingPolicy.Closest, outcome.Baseline) })
        {
            var expected = ReferenceSimulator.Run(simulation.Network, simulation.Calls, policy, simulation.MaxWaitMin);
            totals?.Add(expected);
            var differences = KpiComparer.Differences(expected, actual);
            if (differences.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"policy {policy}:\n  {string.Join("\n  ", differences)}\nreference run (horizon {expected.HorizonMin:R} min):\n{expected.DescribeLog()}");
            }
        }

        totals?.Count(simulation);
        return text.Length == 0 ? null : $"--- {simulation.Describe()}{text}";
    }

    /// <summary>What the reference runs went through, to show that the cases exercise what they should.</summary>
    internal sealed class Totals
    {
        public int Cases { get; private set; }

        public int Calls { get; private set; }

        public int Ties { get; private set; }

        public int Served { get; private set; }

        public int Queued { get; private set; }

        public int WaitedTooLong { get; private set; }

        public int NoUnitBusy { get; private set; }

        public int Outside { get; private set; }

        public int StockOuts { get; private set; }

        public int TyresConsumed { get; private set; }

        public void Count(SimulationCase simulation)
        {
            Cases++;
            Calls += simulation.Calls.Count;
            Ties += simulation.Calls.Count - simulation.Calls.Select(c => c.Incident.ReportedAt).Distinct().Count();
        }

        public void Add(ReferenceSimulationKpis kpis)
        {
            Served += kpis.Served;
            Queued += kpis.Queued;
            WaitedTooLong += kpis.Log.Count(o => o.Fate == ReferenceFate.WaitedTooLong);
            NoUnitBusy += kpis.Log.Count(o => o.Fate == ReferenceFate.NoUnitBusyAnyMore);
            Outside += kpis.Log.Count(o => o.Fate == ReferenceFate.OutsideEveryRegion);
            StockOuts += kpis.StockOuts;
            TyresConsumed += kpis.PartsConsumed.GetValueOrDefault(SimulationCase.TireSku);
        }

        public override string ToString() =>
            $"{Ties} tied calls; over both policies {Served} served, {Queued} of them from the queue, {WaitedTooLong} dropped for waiting too long, "
            + $"{NoUnitBusy} dropped with no unit busy, {Outside} outside every region, {StockOuts} stock-outs, {TyresConsumed} tyres consumed";
    }
}
