namespace Dispatch.Solver.Batch;

/// <summary>
/// One demand point in one coverage class, as it stands before the batch: its weight (already multiplied by the
/// region's coverage weight) and the resources (indices into <see cref="BatchProblem.Resources"/>, all of
/// <paramref name="CoverageClass"/>) that cover it now. It counts as lost when it is covered now and every one of
/// its covering resources is assigned by the batch; an entry with no covering resource was not covered before and
/// can never be lost.
/// </summary>
public sealed record CoverageDemand(
    string CoverageClass,
    string DemandPointId,
    double Weight,
    IReadOnlyList<int> CoveringResources);
