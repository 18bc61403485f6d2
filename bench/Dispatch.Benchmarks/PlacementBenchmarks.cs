using BenchmarkDotNet.Attributes;
using Dispatch.Solver.Placement;

namespace Dispatch.Benchmarks;

/// <summary>Placement solves under BenchmarkDotNet: two OR-Library instances proven optimal (a small p, the largest
/// p at hand) and the demo network's "two more flatbeds for Qinghai" (mclp with today's coverage).</summary>
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private PlacementProblem pmed26 = null!;
    private PlacementProblem pmed30 = null!;
    private PlacementProblem qinghai = null!;

    [GlobalSetup]
    public void Setup()
    {
        pmed26 = OrLibPMedian.ReadFile(Path.Combine(PlacementInputs.OrLibFolder, "pmed26.txt"));
        pmed30 = OrLibPMedian.ReadFile(Path.Combine(PlacementInputs.OrLibFolder, "pmed30.txt"));
        var network = PlacementInputs.DemoNetwork();
        var request = new PlacementRequest
        {
            Model = "mclp",
            K = 2,
            ResourceType = "flatbed",
            Demand = PlacementInputs.RegionDemand(network, "630000"),
            Existing = true,
        };
        qinghai = PlacementProblemBuilder.Build(network, request).Problem ?? throw new InvalidOperationException("the Qinghai request is invalid");
    }

    [Benchmark(Description = "p-median pmed26 (n = 600, p = 5) to proven optimum")]
    public PlacementSolution Pmed26() => PlacementSolver.Solve(pmed26, TimeSpan.FromSeconds(60));

    [Benchmark(Description = "p-median pmed30 (n = 600, p = 200) to proven optimum")]
    public PlacementSolution Pmed30() => PlacementSolver.Solve(pmed30, TimeSpan.FromSeconds(60));

    [Benchmark(Description = "mclp: 2 more flatbeds for Qinghai, existing coverage")]
    public PlacementSolution QinghaiMclp() => PlacementSolver.Solve(qinghai, TimeSpan.FromSeconds(60));
}
