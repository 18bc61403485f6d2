using BenchmarkDotNet.Attributes;
using Dispatch.Benchmarks.Guard;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Benchmarks;

/// <summary>Coverage index upkeep: a unit dispatched (no longer available) and then returned.</summary>
[MemoryDiagnoser]
[MedianColumn]
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
        var unit = units[next % units.Length];
        for (var i = 0; i < InjectedSlowdown.Repeat; i++)
        {
            unit = units[next++ % units.Length];
            engine.SetResourceStatus(unit, ResourceStatus.Assigned);
            engine.SetResourceStatus(unit, ResourceStatus.Available);
        }

        return engine.CoverageLoss(unit);
    }

    [Benchmark(Description = "Move one unit 20 km and back")]
    public double MoveAndBack()
    {
        var unit = units[next % units.Length];
        for (var i = 0; i < InjectedSlowdown.Repeat; i++)
        {
            unit = units[next++ % units.Length];
            var home = engine.PositionOf(unit);
            engine.MoveResource(unit, new GeoPoint(home.Lat + 0.18, home.Lon));
            engine.MoveResource(unit, home);
        }

        return engine.CoverageLoss(unit);
    }
}
