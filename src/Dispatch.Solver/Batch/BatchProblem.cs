namespace Dispatch.Solver.Batch;

/// <summary>
/// The surge batch of docs/dispatch-semantics.md "Batch (surge)", abstracted from the network so that it can be built
/// from live state or from a test: minimize the sum over assigned incidents of <c>PriorityWeight * option.Cost</c>,
/// plus <c>CoverageLambda * (weight of demand lost)</c>, plus <c>UnassignedPenalty</c> of each unassigned incident;
/// each incident gets at most one option, each resource serves at most one incident, and each part key is used
/// by at most <see cref="PartsAvailable"/> options (<c>onHand - reserved</c>; a key that is absent has none).
/// </summary>
public sealed record BatchProblem(
    IReadOnlyList<BatchIncident> Incidents,
    IReadOnlyList<BatchResource> Resources,
    IReadOnlyDictionary<PartKey, int> PartsAvailable,
    IReadOnlyList<CoverageDemand> Coverage,
    double CoverageLambda)
{
    /// <summary>Parts available for <paramref name="key"/>; a key that is not listed has none
    /// (docs/dispatch-semantics.md "Eligibility", check 3d).</summary>
    public int Available(PartKey key) => PartsAvailable.TryGetValue(key, out var count) ? count : 0;
}
