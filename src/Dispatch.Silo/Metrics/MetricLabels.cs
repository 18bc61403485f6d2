using System.Collections.Frozen;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Silo.Metrics;

/// <summary>
/// Every label value the Dispatch meter may emit. Anything else becomes <see cref="Other"/>: labels stay few
/// (Prometheus keeps one series per value) and can never carry an id, a name or a phone number.
/// </summary>
public static class MetricLabels
{
    public const string Other = "other";

    // Recommendation status.
    public const string Recommended = "recommended";
    public const string Unassignable = "unassignable";
    public const string OutsideServedArea = "outside_served_area";
    public const string NoNetwork = "no_network";

    // Dispatch and incident-event outcomes.
    public const string Dispatched = "dispatched";
    public const string Accepted = "accepted";
    public const string Conflict = "conflict";
    public const string NotFound = "not_found";
    public const string Invalid = "invalid";

    public static readonly FrozenSet<string> RecommendationStatuses =
        FrozenSet.Create(StringComparer.Ordinal, Recommended, Unassignable, OutsideServedArea, NoNetwork);

    public static readonly FrozenSet<string> DispatchOutcomes =
        FrozenSet.Create(StringComparer.Ordinal, Dispatched, Conflict, Unassignable, NotFound, OutsideServedArea, Invalid);

    public static readonly FrozenSet<string> EventTypes = CaseTransitions.EventTypes.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> EventOutcomes =
        FrozenSet.Create(StringComparer.Ordinal, Accepted, Conflict, NotFound, Unassignable, OutsideServedArea, Invalid);

    /// <summary>The value itself when it is one of <paramref name="allowed"/>, else <see cref="Other"/>.</summary>
    public static string Bounded(string? value, FrozenSet<string> allowed) =>
        value is not null && allowed.Contains(value) ? value : Other;

    /// <summary>A recommendation's status; a null result means no network was loaded.</summary>
    public static string Status(RecommendationResult? result) => result?.Status switch
    {
        null => NoNetwork,
        RecommendationStatus.Recommended => Recommended,
        RecommendationStatus.Unassignable => Unassignable,
        RecommendationStatus.OutsideServedArea => OutsideServedArea,
        _ => Other,
    };

    /// <summary>A dispatch answer. A repeated dispatch answers the same assignment, so it counts as dispatched again.</summary>
    public static string DispatchOutcome(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Ok or CaseOutcome.Created => Dispatched,
        _ => Common(outcome),
    };

    /// <summary>An incident event's answer: accepted into the timeline, or why not.</summary>
    public static string EventOutcome(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Ok or CaseOutcome.Created => Accepted,
        _ => Common(outcome),
    };

    private static string Common(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Conflict => Conflict,
        CaseOutcome.NotFound => NotFound,
        CaseOutcome.Unassignable => Unassignable,
        CaseOutcome.OutsideServedArea => OutsideServedArea,
        CaseOutcome.Invalid => Invalid,
        _ => Other,
    };
}
