namespace Dispatch.Solver.Simulation;

/// <summary>xoshiro256** seeded through SplitMix64: the same seed gives the same stream on any machine and any
/// .NET version (System.Random's seeded algorithm is an implementation detail that may change).</summary>
internal sealed class SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public SeededRandom(long seed)
    {
        var x = unchecked((ulong)seed);
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A Poisson count with mean <paramref name="mean"/>: Knuth's product method, in slices of at most
    /// 30 so that e^-mean never underflows (a sum of Poisson counts is Poisson with the summed mean).</summary>
    public int NextPoisson(double mean)
    {
        var count = 0;
        while (mean > 0)
        {
            var slice = Math.Min(mean, 30);
            mean -= slice;
            var limit = Math.Exp(-slice);
            var product = NextDouble();
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }
        }

        return count;
    }

    /// <summary>An index drawn with probability proportional to the step of <paramref name="cumulative"/> there.</summary>
    public int NextIndex(double[] cumulative)
    {
        var target = NextDouble() * cumulative[^1];
        var at = Array.BinarySearch(cumulative, target);
        at = at < 0 ? ~at : at + 1;
        return Math.Min(at, cumulative.Length - 1);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        var z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
