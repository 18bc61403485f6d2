using BenchmarkDotNet.Attributes;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Benchmarks;

/// <summary>Surge batch over live state (candidate search, model, solve) against the one-by-one greedy baseline.
/// `dotnet run -c Release -- batch-report` prints the objectives, optimality and gap of the same runs.</summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private BatchScenario scenario = null!;

    [Params(BatchScenario.Regional, BatchScenario.National)]
    public string Scenario { get; set; } = BatchScenario.Regional;

    [GlobalSetup]
    public void Setup() => scenario = BatchScenario.Create(Scenario);

    [Benchmark(Description = "SolveBatch (CP-SAT)")]
    public LiveBatchResult Solve() => scenario.Engine.SolveBatch(scenario.Incidents, scenario.Settings);

    [Benchmark(Description = "GreedyBatch (one by one)", Baseline = true)]
    public LiveBatchResult Greedy() => scenario.Engine.GreedyBatch(scenario.Incidents);
}
