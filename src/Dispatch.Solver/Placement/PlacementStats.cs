namespace Dispatch.Solver.Placement;

/// <summary>How a solve went, for benchmarks and logs: the sizes after reduction, the heuristic's objective, the first
/// bound, and the search effort (p-median: branch-and-bound nodes and subgradient steps; mclp: 0 and 0).</summary>
internal sealed record PlacementStats(
    int ReducedSites,
    int ReducedDemand,
    double HeuristicObjective,
    double RootBound,
    int Nodes,
    long Iterations);
