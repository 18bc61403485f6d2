using BenchmarkDotNet.Running;

namespace Dispatch.Benchmarks.Guard;

/// <summary>What the guard runs: the hot path's benchmarks (recommendation, coverage upkeep, the regional surge
/// batch), each named <c>Class.Method</c> in the baseline file. The national batch stays out: it takes seconds.</summary>
public static class GuardedBenchmarks
{
    public static readonly Type[] Types = [typeof(RecommendBenchmarks), typeof(CoverageUpdateBenchmarks), typeof(BatchBenchmarks)];

    public static bool IsGuarded(BenchmarkCase benchmark) =>
        benchmark.Parameters.Items.All(p => !string.Equals(p.Value?.ToString(), BatchScenario.National, StringComparison.Ordinal));

    public static string NameOf(BenchmarkCase benchmark) =>
        $"{benchmark.Descriptor.Type.Name}.{benchmark.Descriptor.WorkloadMethod.Name}";
}
