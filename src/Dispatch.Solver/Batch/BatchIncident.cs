namespace Dispatch.Solver.Batch;

/// <summary>
/// An open incident of the batch: its priority weight (multiplies the cost of the option it gets), the penalty
/// paid when it stays unassigned, and its candidate options. An incident with no option can only stay unassigned.
/// </summary>
public sealed record BatchIncident(
    string Id,
    double PriorityWeight,
    double UnassignedPenalty,
    IReadOnlyList<BatchOption> Options);
