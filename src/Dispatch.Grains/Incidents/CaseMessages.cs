using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Incidents;

/// <summary>The case statuses and events of an incident's life (docs/api.md "Incidents").</summary>
public static class CaseStatus
{
    public const string Open = "open";
    public const string Dispatched = "dispatched";
    public const string Enroute = "enroute";
    public const string OnScene = "onscene";
    public const string Towing = "towing";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static readonly ImmutableArray<string> All = [Open, Dispatched, Enroute, OnScene, Towing, Completed, Cancelled];

    public static bool IsTerminal(string status) => status is Completed or Cancelled;
}

[GenerateSerializer, Immutable]
public sealed record AssignmentView(
    [property: Id(0)] string ResourceId,
    [property: Id(1)] string CenterId,
    [property: Id(2)] string Mode,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Part,
    [property: Id(4)] double EtaMin,
    [property: Id(5)] DateTimeOffset DispatchedAt);

[GenerateSerializer, Immutable]
public sealed record TimelineEntry(
    [property: Id(0)] string Type,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] GeoPoint? Position = null,
    [property: Id(3)] string? ResourceId = null,
    [property: Id(4)] string? Detail = null);

/// <summary>The case as the API shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Status,
    [property: Id(2)] IncidentRequest Incident,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] AssignmentView? Assignment,
    [property: Id(4)] ImmutableArray<TimelineEntry> Timeline,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? TimeToDispatchSec);

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
