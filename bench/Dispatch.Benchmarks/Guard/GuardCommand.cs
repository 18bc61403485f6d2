using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Dispatch.Benchmarks.Guard;

/// <summary><c>guard [--baseline FILE] [--record]</c>: runs the guarded benchmarks in a short in-process job, divides each
/// median by the yardstick's, and fails (exit 1) when a ratio is more than twice its baseline in every one of three
/// attempts; a single noisy attempt never fails it. <c>--record</c> writes the median ratio of three rounds instead.</summary>
public static class GuardCommand
{
    private const int Attempts = 3;

    public static int Run(string[] args)
    {
        var baselinePath = OptionValue(args, "--baseline") ?? Path.Combine("bench", "guard-baseline.json");
        var config = Config();
        if (args.Contains("--record"))
        {
            return Record(baselinePath, config);
        }

        var baseline = GuardBaseline.Read(baselinePath);
        Console.WriteLine($"Benchmark guard: baseline {baselinePath} ({baseline.Machine}, {baseline.RecordedAt}); "
            + $"fails above {GuardVerdict.Threshold:0.#}x in all of {Attempts} attempts; slowdown injected: {InjectedSlowdown.Repeat}x.");
        // A benchmark fails only when it regressed in every attempt: after each one, only those still regressed in all
        // attempts so far are measured again (with their whole class, so the others' findings of later attempts are
        // ignored).
        var suspects = GuardedBenchmarks.Types.ToList();
        HashSet<string>? stillRegressed = null;
        var findings = new Dictionary<string, GuardFinding>(StringComparer.Ordinal);
        for (var attempt = 1; attempt <= Attempts && suspects.Count > 0; attempt++)
        {
            var measurements = Measure(suspects, config);
            var judged = measurements.Select(m => GuardVerdict.Judge(m, baseline.Ratios)).ToList();
            Print(attempt, judged);
            var regressed = judged.Where(f => f.Regressed).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            stillRegressed = stillRegressed is null ? regressed : [.. stillRegressed.Where(regressed.Contains)];
            foreach (var finding in judged.Where(f => stillRegressed.Contains(f.Name)))
            {
                findings[finding.Name] = finding;
            }

            suspects = [.. suspects.Where(t => stillRegressed.Any(name => name.StartsWith(t.Name + ".", StringComparison.Ordinal)))];
        }

        var failed = stillRegressed is null ? [] : stillRegressed.Select(name => findings[name]).ToList();
        if (failed.Count == 0)
        {
            Console.WriteLine("Benchmark guard passed.");
            return 0;
        }

        foreach (var finding in failed)
        {
            Console.Error.WriteLine($"REGRESSION: {finding.Name} is {finding.Slowdown:0.00}x its baseline in every attempt.");
        }

        return 1;
    }

    private static int Record(string path, IConfig config)
    {
        var rounds = Enumerable.Range(0, Attempts).Select(_ => Measure(GuardedBenchmarks.Types, config)).ToList();
        var ratios = rounds.SelectMany(r => r)
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Round(Median(g.Select(m => m.Ratio)), 4), StringComparer.Ordinal);
        var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        new GuardBaseline(machine, DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ratios).Write(path);
        foreach (var (name, ratio) in ratios.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{name,-45} {ratio,10:0.0000}");
        }

        Console.WriteLine($"Baseline written to {path}.");
        return 0;
    }

    /// <summary>The yardstick runs right before and right after each benchmark class, and the mean of the two is the unit
    /// of that class's ratios: a neighbour's load that comes and goes then weighs on both sides alike.</summary>
    private static List<GuardMeasurement> Measure(IReadOnlyList<Type> types, IConfig config)
    {
        var measurements = new List<GuardMeasurement>();
        foreach (var type in types)
        {
            var before = YardstickNs(config);
            var summary = BenchmarkRunner.Run(type, config);
            var after = YardstickNs(config);
            foreach (var report in summary.Reports)
            {
                var name = GuardedBenchmarks.NameOf(report.BenchmarkCase);
                var median = report.ResultStatistics?.Median
                    ?? throw new InvalidOperationException($"{name} produced no measurement: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
                measurements.Add(new GuardMeasurement(name, median, (before + after) / 2));
            }
        }

        return measurements;
    }

    private static double YardstickNs(IConfig config)
    {
        var summary = BenchmarkRunner.Run<Yardstick>(config);
        return summary.Reports.Single().ResultStatistics?.Median
            ?? throw new InvalidOperationException("The yardstick produced no measurement.");
    }

    private static ManualConfig Config() => ManualConfig.CreateEmpty()
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(9)
            .WithIterationTime(TimeInterval.FromMilliseconds(250)))
        .AddLogger(NullLogger.Instance)
        .AddFilter(new SimpleFilter(GuardedBenchmarks.IsGuarded))
        .WithOptions(ConfigOptions.DisableLogFile);

    private static void Print(int attempt, IEnumerable<GuardFinding> findings)
    {
        Console.WriteLine($"Attempt {attempt}:");
        Console.WriteLine($"  {"benchmark",-45} {"baseline",9} {"ratio",9} {"x base",7}");
        foreach (var f in findings)
        {
            Console.WriteLine($"  {f.Name,-45} {f.BaselineRatio,9:0.000} {f.Ratio,9:0.000} {f.Slowdown,7:0.00}{(f.Regressed ? "  REGRESSED" : "")}");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? OptionValue(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
