using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;

namespace Dispatch.Benchmarks;

/// <summary>What-if throughput: one simulated run (one policy) of generated demand, engine build included.</summary>
/// <remarks>Demo: the bundled demo network, 30 days at 2,000 calls a day with a three-day snowstorm tripling demand
/// over Inner Mongolia and Qinghai (about 60,000 calls). National: the synthetic national network, a year at
/// 420 calls a day (about 153,000 calls).</remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
[MedianColumn]
public class SimulationBenchmarks
{
    private PreparedScenario scenario = null!;

    [Params("demo-30d", "national-365d")]
    public string Workload { get; set; } = "demo-30d";

    [Params("coverage", "closest")]
    public string Policy { get; set; } = "coverage";

    public int Calls => scenario.Calls.Count;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var (network, days, rate, surges) = Workload == "demo-30d"
            ? (DocumentJson.ParseNetwork(File.ReadAllText(RepositoryFile("data/demo-network.json"))), 30.0, 2_000.0, new List<SurgeDocument>
            {
                new() { Region = "150000", From = start.AddDays(10), To = start.AddDays(13), Factor = 3 },
                new() { Region = "630000", From = start.AddDays(10), To = start.AddDays(13), Factor = 3 },
            })
            : (SyntheticNetwork.Create(), 365.0, 420.0, []);
        var preparation = ScenarioRunner.Prepare(new ScenarioRequest
        {
            Base = ScenarioBase.Of(network),
            Demand = new DemandDocument { Generate = new DemandGenerationDocument { Start = start, Days = days, RatePerDay = rate, Seed = 1, Surges = surges } },
        }, null);
        scenario = preparation.Scenario ?? throw new InvalidOperationException(string.Join("; ", preparation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Console.WriteLine($"// {Workload}: {scenario.Calls.Count} calls");
    }

    [Benchmark(Description = "Simulate one run")]
    public SimulationKpis Simulate() =>
        ScenarioRunner.Simulate(scenario.BaselineNetwork, scenario, Policy == "closest" ? RankingPolicy.Closest : RankingPolicy.Coverage);

    internal static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException("Dispatch.sln not found above " + AppContext.BaseDirectory);
    }
}
