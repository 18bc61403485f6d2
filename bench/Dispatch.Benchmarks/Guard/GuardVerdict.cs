namespace Dispatch.Benchmarks.Guard;

/// <summary>One guarded benchmark's median in a run, as a multiple of the yardstick's median in the same run.</summary>
public readonly record struct GuardMeasurement(string Name, double MedianNs, double YardstickNs)
{
    public double Ratio => MedianNs / YardstickNs;
}

/// <summary>How a measurement compares with the recorded baseline ratio.</summary>
public readonly record struct GuardFinding(string Name, double BaselineRatio, double Ratio, bool Regressed)
{
    /// <summary>How many times slower than the baseline, machine speed factored out by the yardstick.</summary>
    public double Slowdown => Ratio / BaselineRatio;
}

/// <summary>The guard's decision, apart from any timing: a benchmark regresses when its ratio to the yardstick
/// is more than <see cref="Threshold"/> times its baseline ratio.</summary>
public static class GuardVerdict
{
    /// <summary>A real regression worth stopping CI for is a doubling; noise on a shared 2-core machine stays well
    /// under it once the yardstick takes out the machine's speed.</summary>
    public const double Threshold = 2.0;

    public static GuardFinding Judge(GuardMeasurement measurement, IReadOnlyDictionary<string, double> baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (!double.IsFinite(measurement.Ratio) || measurement.Ratio <= 0)
        {
            throw new ArgumentException($"'{measurement.Name}' has no usable measurement.", nameof(measurement));
        }

        if (!baseline.TryGetValue(measurement.Name, out var expected) || !(expected > 0))
        {
            throw new KeyNotFoundException($"'{measurement.Name}' has no baseline ratio; record one with 'guard --record'.");
        }

        return new GuardFinding(measurement.Name, expected, measurement.Ratio, measurement.Ratio > Threshold * expected);
    }
}
