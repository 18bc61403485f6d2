using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Endpoints;

/// <summary>A case whose automatic dispatch could not go, with the reason and the recommendation that shows why
/// (an extension of the case shape: docs/api.md "Extensions").</summary>
public sealed record CaseWithAdvice(
    string Id,
    string Status,
    IncidentRequest Incident,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] AssignmentView? Assignment,
    ImmutableArray<TimelineEntry> Timeline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? TimeToDispatchSec,
    string? DispatchProblem,
    RecommendationAnswer Recommendation)
{
    public static CaseWithAdvice From(CaseView view, string? problem, RecommendationAnswer recommendation) =>
        new(view.Id, view.Status, view.Incident, view.Assignment, view.Timeline, view.TimeToDispatchSec, problem, recommendation);
}
