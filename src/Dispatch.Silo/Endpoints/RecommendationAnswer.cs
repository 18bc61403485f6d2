using System.Text.Json.Serialization;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Silo.Endpoints;

/// <summary>The recommendation as the API shows it (docs/api.md "Recommendations").</summary>
public sealed record RecommendationAnswer(
    string? Region,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CoverageStandardMin,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DispatchOption? Recommendation,
    IReadOnlyList<DispatchOption> Alternatives,
    IReadOnlyList<ExcludedResource> Excluded,
    long ComputeMicros)
{
    public static RecommendationAnswer From(RecommendationResult result) => new(
        result.Region,
        result.CoverageStandardMin,
        result.Status == RecommendationStatus.Recommended ? "recommended" : "unassignable",
        result.Recommendation,
        result.Alternatives,
        result.Excluded,
        result.ComputeMicros);
}
