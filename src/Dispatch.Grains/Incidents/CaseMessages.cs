using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dispatch.Grains.Notifications;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Incidents;

/// <summary>The unit held for a case. <see cref="Mode"/> stays the wire name: the view is shown by the API and
/// stored in <see cref="IncidentCaseState"/>; code reads <see cref="ModeKind"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record AssignmentView(
    [property: Id(0)] string ResourceId,
    [property: Id(1)] string CenterId,
    [property: Id(2)] string Mode,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Part,
    [property: Id(4)] double EtaMin,
    [property: Id(5)] DateTimeOffset DispatchedAt)
{
    /// <summary>The mode as the engine's enum; null for a name no version of the silo wrote.</summary>
    [JsonIgnore]
    public DispatchMode? ModeKind => DispatchModeNames.KindOf(Mode);
}

[GenerateSerializer, Immutable]
public sealed record TimelineEntry(
    [property: Id(0)] string Type,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] GeoPoint? Position = null,
    [property: Id(3)] string? ResourceId = null,
    [property: Id(4)] string? Detail = null,
    [property: Id(5)] string? By = null,
    [property: Id(6)] int? Level = null);

/// <summary>The case as the API shows it. <see cref="Status"/> stays the wire name; code reads <see cref="StatusKind"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Status,
    [property: Id(2)] IncidentRequest Incident,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] AssignmentView? Assignment,
    [property: Id(4)] ImmutableArray<TimelineEntry> Timeline,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? TimeToDispatchSec,
    [property: Id(6)] int EscalationLevel = 0,
    [property: Id(7)] bool Waiting = false)
{
    /// <summary>The status as an enum; null for a name no version of the silo wrote.</summary>
    [JsonIgnore]
    public CaseStatusKind? StatusKind => CaseStatus.KindOf(Status);

    /// <summary>The case's customer notifications and where each stands; never what they say (docs/notifications.md).</summary>
    [Id(8)]
    public ImmutableArray<NotificationView> Notifications { get; init; } = [];
}

public enum CaseOutcome
{
    Ok,
    Created,
    NotFound,
    Conflict,
    Invalid,
    Unassignable,
    OutsideServedArea,
}

[GenerateSerializer, Immutable]
public sealed record CaseResult(
    [property: Id(0)] CaseOutcome Outcome,
    [property: Id(1)] CaseView? Case,
    [property: Id(2)] string? Detail,
    [property: Id(3)] Dispatch.Solver.Dispatching.RecommendationResult? Recommendation = null);
