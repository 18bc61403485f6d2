using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Batch.Live;

/// <summary>An incident of a batch over live state and the option it gets: the engine's counterpart of the solver's
/// <see cref="BatchAssignment"/>, in unit ids and modes rather than positions. <see cref="Option"/> is the option as a recommendation
/// would show it (its score includes the single-dispatch coverage term); <see cref="Cost"/> is what the batch
/// objective counts: the score without the coverage term, and <see cref="WeightedCost"/> that times the priority
/// weight (docs/dispatch-semantics.md "Batch (surge)").</summary>
public sealed record LiveBatchAssignment(string IncidentId, DispatchOption Option, double Cost, double PriorityWeight, double WeightedCost);

/// <summary>An incident of a batch over live state that gets nothing (the engine's counterpart of the solver's
/// <see cref="UnassignedIncident"/>), with a reason: one of <see cref="BatchReasonCodes"/> or
/// <see cref="LiveBatchResult.OutsideServedArea"/>.</summary>
public sealed record LiveBatchUnassignedIncident(string IncidentId, string Reason, double Penalty);

/// <summary>
/// The answer to a surge batch over live state, what <see cref="DispatchEngine.SolveBatch"/> and
/// <see cref="DispatchEngine.GreedyBatch"/> return; the solver's own answer to an abstract <see cref="BatchProblem"/>
/// is a <see cref="BatchSolution"/>, which the engine maps back into this. <see cref="Objective"/> is the batch objective of
/// docs/dispatch-semantics.md "Batch (surge)" for the answer, split in <see cref="Breakdown"/>. <see cref="Optimal"/>
/// means proven optimal over every eligible option of every incident (candidate search and pruning drop only options
/// proven unable to change the optimum); <see cref="Gap"/> is the solver's relative gap (0 when optimal, null when no
/// bound is known, as for the greedy baseline). <see cref="SolveMillis"/> covers building the problem from live state
/// and solving it.
/// </summary>
public sealed record LiveBatchResult(
    IReadOnlyList<LiveBatchAssignment> Assignments,
    IReadOnlyList<LiveBatchUnassignedIncident> Unassigned,
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
