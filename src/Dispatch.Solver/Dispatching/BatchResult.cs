using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Dispatching;

/// <summary>An incident of a batch and the option it gets. <see cref="Option"/> is the option as a recommendation
/// would show it (its score includes the single-dispatch coverage term); <see cref="Cost"/> is what the batch
/// objective counts: the score without the coverage term, and <see cref="WeightedCost"/> that times the priority
/// weight (docs/dispatch-semantics.md "Batch (surge)").</summary>
public sealed record BatchAssignedIncident(string IncidentId, DispatchOption Option, double Cost, double PriorityWeight, double WeightedCost);

/// <summary>An incident of a batch that gets nothing, with a reason: one of <see cref="BatchReasonCodes"/> or
/// <see cref="BatchResult.OutsideServedArea"/>.</summary>
public sealed record BatchUnassignedIncident(string IncidentId, string Reason, double Penalty);

/// <summary>
/// The answer to a surge batch over live state. <see cref="Objective"/> is the batch objective of
/// docs/dispatch-semantics.md "Batch (surge)" for the answer, split in <see cref="Breakdown"/>. <see cref="Optimal"/>
/// means proven optimal over every eligible option of every incident (candidate search and pruning drop only options
/// proven unable to change the optimum); <see cref="Gap"/> is the solver's relative gap (0 when optimal, null when no
/// bound is known, as for the greedy baseline). <see cref="SolveMillis"/> covers building the problem from live state
/// and solving it.
/// </summary>
public sealed record BatchResult(
    IReadOnlyList<BatchAssignedIncident> Assignments,
    IReadOnlyList<BatchUnassignedIncident> Unassigned,
    double Objective,
    BatchObjectiveBreakdown Breakdown,
    bool Optimal,
    double? Gap,
    double? BestBound,
    double SolveMillis,
    int CandidateOptions)
{
    /// <summary>The reason given for an incident whose location lies in no region.</summary>
    public const string OutsideServedArea = "outside_served_area";
}
