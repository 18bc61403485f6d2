namespace Dispatch.Grains.Notifications;

/// <summary>Exponential backoff with "equal jitter": attempt n waits between half and all of
/// <c>min(max, initial * 2^(n-1))</c>. The jitter spreads the retries of many cases that failed together (a receiver
/// outage); keeping the lower half fixed makes each wait at least as long as the whole of the one before (until the cap).</summary>
public static class RetryBackoff
{
    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int attempts, TimeSpan initial, TimeSpan max, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        if (random is < 0 or >= 1 || double.IsNaN(random))
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "must be in [0, 1)");
        }

        // Doubling stops at the cap, before it could overflow.
        var ceiling = initial;
        for (var i = 1; i < attempts && ceiling < max; i++)
        {
            ceiling = ceiling * 2 < max ? ceiling * 2 : max;
        }

        if (ceiling > max)
        {
            ceiling = max;
        }

        var half = ceiling / 2;
        return half + (half * random);
    }
}
