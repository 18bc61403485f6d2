using BenchmarkDotNet.Attributes;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Benchmarks;

/// <summary>Single-incident recommendation at national scale (20,000 units), default options.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecommendBenchmarks
{
    private DispatchEngine engine = null!;
    private Incident[] incidents = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        engine = DispatchEngine.Create(SyntheticNetwork.Create());
        incidents = SyntheticNetwork.Incidents(4096);
    }

    [Benchmark(Description = "Recommend (options=5, excluded=10)")]
    public RecommendationResult Recommend()
    {
        var incident = incidents[next++ & 4095];
        return engine.Recommend(incident, RecommendationQuery.Default);
    }

    [Benchmark(Description = "Recommend policy=closest")]
    public RecommendationResult RecommendClosest()
    {
        var incident = incidents[next++ & 4095];
        return engine.Recommend(incident, RecommendationQuery.Default with { Policy = RankingPolicy.Closest });
    }
}
