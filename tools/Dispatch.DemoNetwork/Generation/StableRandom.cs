namespace Dispatch.DemoNetwork.Generation;

/// <summary>SplitMix64, seeded from a string by FNV-1a: the same key gives the same sequence on every
/// runtime, which System.Random and string.GetHashCode do not promise.</summary>
public sealed class StableRandom
{
    private ulong state;

    public StableRandom(string key, ulong seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in key)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }

        state = hash ^ seed;
    }

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));
}
