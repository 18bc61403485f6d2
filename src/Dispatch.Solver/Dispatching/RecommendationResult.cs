using System.Text.Json.Serialization;

namespace Dispatch.Solver.Dispatching;

/// <summary>Every number that went into an option's score, so anyone can recompute it
/// (docs/dispatch-semantics.md "Score").</summary>
public sealed record OptionBreakdown(
    double EtaMin,
    double ModePenaltyMin,
    double CrossRegionPenaltyMin,
    double PartnerPenaltyMin,
    double CoverageLoss,
    double CoveragePenaltyMin);

/// <summary>One way to serve an incident: a resource in one mode of the fault. <see cref="WithinStandard"/>: the
/// option's ETA meets the incident region's <c>coverageStandardMin</c> (docs/dispatch-semantics.md "Within standard"),
/// so an agent can warn the caller of a long wait.</summary>
public sealed record DispatchOption(
    string ResourceId,
    string ResourceType,
    string CenterId,
    string CenterKind,
    string Mode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Part,
    double EtaMin,
    double Score,
    OptionBreakdown Breakdown,
    bool WithinStandard);

/// <summary>A resource that cannot serve the incident in any mode, with the first reason of
/// docs/dispatch-semantics.md "Eligibility".</summary>
public sealed record ExcludedResource(string ResourceId, string CenterId, string Reason);

/// <summary>The outcome of a recommendation; on the wire <c>recommended</c> or <c>unassignable</c>
/// (outside the served area is answered 422).</summary>
public enum RecommendationStatus
{
    /// <summary>At least one resource may serve the incident; <see cref="RecommendationResult.Recommendation"/> is the best.</summary>
    Recommended,

    /// <summary>The incident lies in a region but no resource may serve it; the exclusions say why.</summary>
    Unassignable,

    /// <summary>The incident lies in no region, so nothing is ranked.</summary>
    OutsideServedArea,
}

/// <summary>The answer to "who should go": best option, the next ones, and why the others may not.
/// <see cref="CoverageStandardMin"/> is the incident region's standard that each option's
/// <see cref="DispatchOption.WithinStandard"/> was judged against; null outside the served area.</summary>
public sealed record RecommendationResult(
    string? Region,
    RecommendationStatus Status,
    DispatchOption? Recommendation,
    IReadOnlyList<DispatchOption> Alternatives,
    IReadOnlyList<ExcludedResource> Excluded,
    long ComputeMicros,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CoverageStandardMin)
{
    /// <summary>The empty answer for an incident in no region, with the time spent finding that out.</summary>
    public static RecommendationResult OutsideServedArea(long micros) =>
        new(null, RecommendationStatus.OutsideServedArea, null, [], [], micros, null);
}
