using System.Diagnostics;

namespace Dispatch.Solver.Placement;

/// <summary>The time budget of one solve and its cancellation, checked between phases and handed to OR-Tools.</summary>
internal sealed class SolveClock(TimeSpan limit, CancellationToken cancellation)
{
    private readonly Stopwatch watch = Stopwatch.StartNew();

    public CancellationToken Cancellation { get; } = cancellation;

    public TimeSpan Elapsed => watch.Elapsed;

    public TimeSpan Remaining => limit - watch.Elapsed is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>True once the budget is spent or the caller cancelled: every phase then stops with what it has.</summary>
    public bool Expired => Cancellation.IsCancellationRequested || watch.Elapsed >= limit;

    /// <summary>The remaining budget in whole milliseconds, at least 1 (OR-Tools reads 0 as "no limit").</summary>
    public long RemainingMillis => Math.Max(1, (long)Remaining.TotalMilliseconds);
}
