using HdrHistogram;

namespace Dispatch.Load.Measurement;

/// <summary>A thread-safe latency histogram in microseconds (HdrHistogram, 3 significant digits, up to one hour).</summary>
public sealed class LatencyHistogram
{
    private const long HighestMicros = 3_600_000_000;
    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicros, 3);

    public long Count => _histogram.TotalCount;

    public void RecordMicros(long micros) => _histogram.RecordValue(Math.Clamp(micros, 1, HighestMicros));

    public void Record(TimeSpan elapsed) => RecordMicros((long)Math.Round(elapsed.TotalMicroseconds));

    /// <summary>Adds every value of <paramref name="other"/> (merging per-worker or per-phase histograms).</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _histogram.Add(other._histogram);
    }

    public LatencySummary Summarize()
    {
        if (_histogram.TotalCount == 0)
        {
            return LatencySummary.Empty;
        }

        static double Ms(long micros) => micros / 1000.0;
        return new LatencySummary(
            _histogram.TotalCount,
            Ms(_histogram.GetValueAtPercentile(50)),
            Ms(_histogram.GetValueAtPercentile(90)),
            Ms(_histogram.GetValueAtPercentile(99)),
            Ms(_histogram.GetValueAtPercentile(99.9)),
            Ms(_histogram.GetMaxValue()));
    }
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
