namespace Dispatch.Solver.Placement;

/// <summary>
/// A station-planning problem (docs/dispatch-semantics.md "Placement") in plain arrays: candidate sites s, demand points d with
/// weights, travel times <c>Times[s][d]</c> (minutes, or any non-negative cost such as OR-Library distances), and k.
/// Build one from a network and a request with <see cref="PlacementProblemBuilder"/>, or directly.
/// </summary>
public sealed record PlacementProblem
{
    /// <summary>The objective: p-median (least weighted travel time) or mclp (most weight covered).</summary>
    public required PlacementModel Model { get; init; }

    /// <summary>How many sites to open (1 to the number of candidates).</summary>
    public required int K { get; init; }

    /// <summary>One id per candidate site; the answer names sites by these and by index.</summary>
    public required IReadOnlyList<string> CandidateIds { get; init; }

    /// <summary>One id per demand point.</summary>
    public required IReadOnlyList<string> DemandIds { get; init; }

    /// <summary>Per demand point, its weight <c>w_d</c> (finite, &gt;= 0).</summary>
    public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>Per candidate site, per demand point: the travel time (finite, &gt;= 0). Whole numbers (as in the
    /// OR-Library) let the solver prove optimality to the unit.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Times { get; init; }

    /// <summary><see cref="PlacementModel.Mclp"/>: per demand point, the standard (a site covers it when
    /// <c>Times[s][d] &lt;= Standards[d]</c>). Required for mclp, ignored for p-median.</summary>
    public IReadOnlyList<double>? Standards { get; init; }

    /// <summary><see cref="PlacementModel.Mclp"/> with <c>existing: true</c>: per demand point, whether today's units
    /// already cover it (it then counts as covered whatever is opened). Null: nothing is pre-covered.</summary>
    public IReadOnlyList<bool>? PreCovered { get; init; }

    /// <summary><see cref="PlacementModel.PMedian"/> with <c>existing: true</c>: per demand point, the travel time of
    /// today's nearest unit that may serve it (+infinity when none may). A point's cost is then the least of this and
    /// the chosen sites' times: new sites count only where they are sooner. Null: no units today.</summary>
    public IReadOnlyList<double>? ExistingTimes { get; init; }

    /// <summary>The request's time budget; <see cref="PlacementSolver.DefaultTimeLimit"/> when null.</summary>
    public TimeSpan? TimeLimit { get; init; }
}
