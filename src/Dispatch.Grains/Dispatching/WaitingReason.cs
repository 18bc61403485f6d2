using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Dispatching;

/// <summary>Why a case waits, in words an agent reads on its timeline: the distinct reasons that kept the nearest units
/// out (docs/dispatch-semantics.md "Eligibility" codes), nearest first.</summary>
public static class WaitingReason
{
    public const string NoUnits = "no_units";

    public static string Of(RecommendationResult? recommendation) =>
        recommendation is { Excluded.Count: > 0 } r
            ? string.Join(", ", r.Excluded.Select(e => e.Reason).Distinct(StringComparer.Ordinal))
            : NoUnits;
}
