using BenchmarkDotNet.Attributes;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Benchmarks;

/// <summary>Coverage index upkeep: a unit dispatched (no longer available) and then returned.</summary>
[MemoryDiagnoser]
public class CoverageUpdateBenchmarks
{
    private DispatchEngine engine = null!;
    private string[] units = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var document = SyntheticNetwork.Create();
        engine = DispatchEngine.Create(document);
        units = [.. document.Centers!.SelectMany(c => c.Resources!).Where(r => r.Status == "available").Select(r => r.Id!)];
    }

    [Benchmark(Description = "Dispatch then return one unit")]
    public double DispatchThenReturn()
    {
        var unit = units[next++ % units.Length];
        engine.SetResourceStatus(unit, ResourceStatus.Assigned);
        engine.SetResourceStatus(unit, ResourceStatus.Available);
        return engine.CoverageLoss(unit);
    }
}
