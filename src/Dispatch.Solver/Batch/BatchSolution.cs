namespace Dispatch.Solver.Batch;

/// <summary>Which solver decided a batch; the cheapest one that can handle the problem is used.</summary>
public enum BatchSolveMethod
{
    /// <summary>Nothing to decide: no incident had a usable option.</summary>
    Trivial,

    /// <summary>OR-Tools linear sum assignment (no part stock and no coverage could bind).</summary>
    Assignment,

    /// <summary>OR-Tools CP-SAT.</summary>
    CpSat,
}

/// <summary>An incident and the option it gets, with the numbers that make up its share of the objective.</summary>
public sealed record BatchAssignment(
    string IncidentId,
    int IncidentIndex,
    int OptionIndex,
    int ResourceIndex,
    PartKey? Part,
    int Payload,
    double Cost,
    double PriorityWeight,
    double WeightedCost);

/// <summary>An incident that gets nothing, with one of <see cref="BatchReasonCodes"/>.</summary>
public sealed record UnassignedIncident(string IncidentId, int IncidentIndex, string Reason, double Penalty);

/// <summary>The objective split into its three terms; <see cref="Total"/> is their sum.</summary>
public sealed record BatchObjectiveBreakdown(
    double WeightedCost,
    double LostDemandWeight,
    double CoveragePenalty,
    double UnassignedPenalty)
{
    /// <summary>The objective the solver minimizes; <see cref="LostDemandWeight"/> is reported but is priced
    /// only through <see cref="CoveragePenalty"/>.</summary>
    public double Total => WeightedCost + CoveragePenalty + UnassignedPenalty;
}

/// <summary>
/// The answer to a batch. <see cref="Objective"/> is recomputed exactly, in doubles, from the chosen assignment.
/// The solvers work on costs scaled to integers; <see cref="Optimal"/> means proven optimal for that scaled model
/// over the full problem (pruning removes only options proven unable to change the optimum), which puts
/// <see cref="Objective"/> within <see cref="RoundingTolerance"/> of the exact optimum. <see cref="BestBound"/> is a
/// lower bound on the exact objective of every feasible assignment; <see cref="Gap"/> is the relative gap of the
/// scaled model, <c>(objective - bound) / max(1, |objective|)</c>, 0 when optimal.
/// </summary>
public sealed record BatchSolution(
    IReadOnlyList<BatchAssignment> Assignments,
    IReadOnlyList<UnassignedIncident> Unassigned,
    IReadOnlyList<int> LostCoverage,
    BatchObjectiveBreakdown Breakdown,
    double Objective,
    double BestBound,
    bool Optimal,
    double Gap,
    double RoundingTolerance,
    BatchSolveMethod Method,
    int OptionsGiven,
    int OptionsKept,
    TimeSpan SolveTime);
