using BenchmarkDotNet.Attributes;
using Dispatch.Benchmarks.Guard;
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
        var result = engine.Recommend(incident, RecommendationQuery.Default);
        for (var i = 1; i < InjectedSlowdown.Repeat; i++)
        {
            result = engine.Recommend(incidents[next++ & 4095], RecommendationQuery.Default);
        }

        return result;
    }

    [Benchmark(Description = "Recommend policy=closest")]
    public RecommendationResult RecommendClosest()
    {
        var incident = incidents[next++ & 4095];
        var query = RecommendationQuery.Default with { Policy = RankingPolicy.Closest };
        var result = engine.Recommend(incident, query);
        for (var i = 1; i < InjectedSlowdown.Repeat; i++)
        {
            result = engine.Recommend(incidents[next++ & 4095], query);
        }

        return result;
    }
}
