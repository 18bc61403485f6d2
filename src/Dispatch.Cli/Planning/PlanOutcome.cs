using System.Text.Json.Nodes;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Planning;

/// <summary>A plan, wherever it was solved, with what is known around it to draw it and to apply it.</summary>
/// <param name="Answer">The answer of DESIGN §4.3: sites, objective, covered weight (mclp), optimal, gap, time.</param>
/// <param name="AnswerJson">What <c>answer.json</c> and <c>--json</c> hold: the answer as the API writes it (a silo's
/// answer as it came).</param>
/// <param name="Problem">The problem with its travel times, to link each demand point to its nearest chosen site:
/// the one solved here, or for a silo's plan the same request rebuilt on its live network; null when unknown.</param>
/// <param name="Network">The network planned on (a silo's live network as <c>GET /v1/network</c> gave it); null for an
/// OR-Library file or when the silo's network could not be read.</param>
/// <param name="Request">The placement request; null for an OR-Library file.</param>
/// <param name="Solution">The solver's own answer when solved here (bound, method, total weight).</param>
/// <param name="Where">Where it was solved, for people: a file path or a URL.</param>
public sealed record PlanOutcome(
    PlacementAnswer Answer,
    JsonObject AnswerJson,
    PlacementModel Model,
    PlacementProblem? Problem,
    NetworkDocument? Network,
    PlacementRequest? Request,
    PlacementSolution? Solution,
    string Where)
{
    /// <summary>Per demand point, its nearest chosen site; null without a problem or when the answer names a site the
    /// problem does not know.</summary>
    public IReadOnlyList<DemandAssignment>? Assignments { get; } = Problem is null ? null : PlanAssignment.Assign(Problem, Answer.Sites);

    public PlanPlaces Places { get; } = PlanPlaces.From(Network, Request);
}
