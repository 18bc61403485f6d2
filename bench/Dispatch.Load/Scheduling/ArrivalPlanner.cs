namespace Dispatch.Load.Scheduling;

/// <summary>Decides what arrival <c>k</c> of a run is, from the seed and <c>k</c> alone.</summary>
/// <remarks>Each arrival gets its own generator derived from (seed, k), so the stream of operations and incidents
/// is the same for a seed whatever order the thread pool runs them in. Its kind comes from the hash alone, without
/// seeding a <see cref="Random"/>, so that an arrival dropped at the cap costs next to nothing.</remarks>
public sealed class ArrivalPlanner(OperationMix mix, int seed)
{
    // Another stream of the same hash for the kind, so that it is unrelated to the details' draws.
    private const int KindStream = unchecked((int)0x9E3779B9);

    public Arrival Plan(long index) => new(index, KindOf(index), new Random(DeriveSeed(seed, index)));

    public OperationKind KindOf(long index) => mix.Pick(DeriveSeed(seed ^ KindStream, index) / 2147483648.0);

    /// <summary>SplitMix64 finalizer over (seed, index): neighbouring indices get unrelated seeds.</summary>
    internal static int DeriveSeed(int seed, long index)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)index;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}

/// <summary>One planned arrival: what it does and the randomness it draws its details from.</summary>
public sealed record Arrival(long Index, OperationKind Kind, Random Random);
