namespace Dispatch.Load.Scheduling;

/// <summary>The intended send times of a fixed-rate open-loop run, in <see cref="TimeProvider"/> timestamps.</summary>
/// <remarks>Each time is computed from the start, never from the previous send, so that lateness never
/// accumulates into drift and a slow answer never pushes later arrivals back (no coordinated omission).</remarks>
public readonly record struct ArrivalSchedule
{
    public ArrivalSchedule(long startTimestamp, long timestampFrequency, double ratePerSecond, long count)
    {
        if (!double.IsFinite(ratePerSecond) || ratePerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        StartTimestamp = startTimestamp;
        TimestampFrequency = timestampFrequency;
        RatePerSecond = ratePerSecond;
        Count = count;
    }

    public long StartTimestamp { get; }
    public long TimestampFrequency { get; }
    public double RatePerSecond { get; }
    public long Count { get; }

    public static ArrivalSchedule For(TimeProvider time, double ratePerSecond, TimeSpan duration) =>
        new(time.GetTimestamp(), time.TimestampFrequency, ratePerSecond, CountFor(ratePerSecond, duration));

    /// <summary>How many arrivals a span holds at a rate (the last one strictly before its end).</summary>
    public static long CountFor(double ratePerSecond, TimeSpan duration) =>
        (long)Math.Ceiling(Math.Round(ratePerSecond * duration.TotalSeconds, 9));

    public long IntendedTimestamp(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return StartTimestamp + (long)Math.Round(index * TimestampFrequency / RatePerSecond);
    }

    /// <summary>The first index whose intended time is at or after <paramref name="offset"/> from the start.</summary>
    public long FirstIndexAtOrAfter(TimeSpan offset) =>
        Math.Min(Count, Math.Max(0, CountFor(RatePerSecond, offset)));
}
