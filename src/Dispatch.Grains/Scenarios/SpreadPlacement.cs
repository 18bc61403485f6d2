using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Dispatch.Grains.Scenarios;

/// <summary>Places new activations on the compatible silos in turn, so runs submitted one after another land on
/// different silos. Resource- or count-based placement reads statistics refreshed every few seconds, and a burst of
/// runs placed before the refresh would all go to the silo that looked idlest.</summary>
[GenerateSerializer, Immutable]
public sealed class SpreadPlacement : PlacementStrategy
{
    public static SpreadPlacement Singleton { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SpreadPlacementAttribute : PlacementAttribute
{
    public SpreadPlacementAttribute()
        : base(SpreadPlacement.Singleton)
    {
    }
}

/// <summary>One turn counter per placing silo: each silo spreads what it places; several silos placing at once
/// each spread theirs.</summary>
public sealed class SpreadPlacementDirector : IPlacementDirector
{
    private int turn = -1;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Sorted so that the turn walks the silos in one order whatever order membership lists them in.
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0)
        {
            throw new OrleansException($"No silo can host {target.GrainIdentity}.");
        }

        var next = (uint)Interlocked.Increment(ref turn) % (uint)silos.Length;
        return Task.FromResult(silos[next]);
    }
}
