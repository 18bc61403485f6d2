using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Notifications;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Endpoints;

/// <summary>The answer to opening a case: the case, and when its automatic dispatch could not go, the reason and the
/// recommendation that shows why (an extension of the case shape: docs/api.md "Extensions"). Without them it is the
/// case exactly as <see cref="CaseView"/> writes it, since null members are left out.</summary>
public sealed record OpenedCase(
    string Id,
    string Status,
    IncidentRequest Incident,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] AssignmentView? Assignment,
    ImmutableArray<TimelineEntry> Timeline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? TimeToDispatchSec,
    int EscalationLevel,
    bool Waiting,
    string? DispatchProblem = null,
    RecommendationAnswer? Recommendation = null)
{
    /// <summary>As <see cref="CaseView.Notifications"/>.</summary>
    public ImmutableArray<NotificationView> Notifications { get; init; } = [];

    public static OpenedCase From(CaseView view) =>
        new(view.Id, view.Status, view.Incident, view.Assignment, view.Timeline, view.TimeToDispatchSec, view.EscalationLevel, view.Waiting) { Notifications = view.Notifications };

    public static OpenedCase From(CaseView view, string? problem, RecommendationAnswer recommendation) =>
        new(view.Id, view.Status, view.Incident, view.Assignment, view.Timeline, view.TimeToDispatchSec, view.EscalationLevel, view.Waiting, problem, recommendation) { Notifications = view.Notifications };
}
