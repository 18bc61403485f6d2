using System.Globalization;
using System.Text;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>Finds the first difference between two recommendation results, in words, or null when they agree.
/// Doubles agree within a relative tolerance of 1e-9; everything else must be equal, order included.</summary>
internal static class ResultComparer
{
    public const double RelativeTolerance = 1e-9;

    public static bool Close(double expected, double actual) =>
        Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(1.0, Math.Max(Math.Abs(expected), Math.Abs(actual)));

    public static string? FirstDifference(RecommendationResult expected, RecommendationResult actual)
    {
        if (expected.Region != actual.Region)
        {
            return $"region: expected {expected.Region ?? "null"}, actual {actual.Region ?? "null"}";
        }

        if (expected.Status != actual.Status)
        {
            return $"status: expected {expected.Status}, actual {actual.Status}";
        }

        if (expected.CoverageStandardMin != actual.CoverageStandardMin)
        {
            return $"coverageStandardMin: expected {expected.CoverageStandardMin}, actual {actual.CoverageStandardMin}";
        }

        if (actual.Recommendation is null && actual.Alternatives.Count > 0)
        {
            return "alternatives without a recommendation";
        }

        var expectedOptions = Options(expected);
        var actualOptions = Options(actual);
        for (var i = 0; i < Math.Max(expectedOptions.Count, actualOptions.Count); i++)
        {
            if (i >= expectedOptions.Count || i >= actualOptions.Count)
            {
                return $"option count: expected {expectedOptions.Count}, actual {actualOptions.Count}\n"
                    + $"  expected {Describe(expectedOptions)}\n  actual   {Describe(actualOptions)}";
            }

            if (OptionDifference(expectedOptions[i], actualOptions[i], actual.CoverageStandardMin) is { } difference)
            {
                return $"option {i}: {difference}\n  expected {Describe(expectedOptions)}\n  actual   {Describe(actualOptions)}";
            }
        }

        for (var i = 0; i < Math.Max(expected.Excluded.Count, actual.Excluded.Count); i++)
        {
            if (i >= expected.Excluded.Count || i >= actual.Excluded.Count || expected.Excluded[i] != actual.Excluded[i])
            {
                return $"excluded {i} differs (counts {expected.Excluded.Count} / {actual.Excluded.Count})\n"
                    + $"  expected {Describe(expected.Excluded)}\n  actual   {Describe(actual.Excluded)}";
            }
        }

        return null;
    }

    public static List<DispatchOption> Options(RecommendationResult result) =>
        result.Recommendation is null ? [] : [result.Recommendation, .. result.Alternatives];

    private static string? OptionDifference(DispatchOption e, DispatchOption a, double? standardMin)
    {
        // An ETA within rounding of the standard may fall on either side of it.
        if (e.WithinStandard != a.WithinStandard && !(standardMin is { } standard && Close(standard, a.EtaMin)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{e.ResourceId}/{e.Mode} withinStandard: expected {e.WithinStandard}, actual {a.WithinStandard} (eta {a.EtaMin:R}, standard {standardMin})");
        }

        if (e.ResourceId != a.ResourceId || e.Mode != a.Mode)
        {
            return $"expected {e.ResourceId}/{e.Mode}, actual {a.ResourceId}/{a.Mode}";
        }

        if (e.ResourceType != a.ResourceType || e.CenterId != a.CenterId || e.CenterKind != a.CenterKind || e.Part != a.Part)
        {
            return $"fields: expected {e.ResourceType} {e.CenterId} {e.CenterKind} part={e.Part}, actual {a.ResourceType} {a.CenterId} {a.CenterKind} part={a.Part}";
        }

        (string Name, double Expected, double Actual)[] numbers =
        [
            ("etaMin", e.EtaMin, a.EtaMin),
            ("score", e.Score, a.Score),
            ("breakdown.etaMin", e.Breakdown.EtaMin, a.Breakdown.EtaMin),
            ("breakdown.modePenaltyMin", e.Breakdown.ModePenaltyMin, a.Breakdown.ModePenaltyMin),
            ("breakdown.crossRegionPenaltyMin", e.Breakdown.CrossRegionPenaltyMin, a.Breakdown.CrossRegionPenaltyMin),
            ("breakdown.partnerPenaltyMin", e.Breakdown.PartnerPenaltyMin, a.Breakdown.PartnerPenaltyMin),
            ("breakdown.coverageLoss", e.Breakdown.CoverageLoss, a.Breakdown.CoverageLoss),
            ("breakdown.coveragePenaltyMin", e.Breakdown.CoveragePenaltyMin, a.Breakdown.CoveragePenaltyMin),
        ];
        foreach (var (name, expected, actual) in numbers)
        {
            if (!Close(expected, actual))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{e.ResourceId}/{e.Mode} {name}: expected {expected:R}, actual {actual:R}");
            }
        }

        return null;
    }

    public static string Describe(IEnumerable<DispatchOption> options)
    {
        var text = new StringBuilder("[");
        foreach (var o in options)
        {
            text.Append(CultureInfo.InvariantCulture, $" {o.ResourceId}/{o.Mode} s={o.Score:0.######} eta={o.EtaMin:0.######};");
        }

        return text.Append(" ]").ToString();
    }

    public static string Describe(IEnumerable<ExcludedResource> excluded) =>
        "[" + string.Concat(excluded.Select(x => $" {x.ResourceId}:{x.Reason};")) + " ]";

    public static string Describe(Incident incident) => string.Create(
        CultureInfo.InvariantCulture,
        $"incident {incident.Fault} {incident.Powertrain} tire={incident.TireSpec ?? "null"} {incident.Priority} xway={incident.OnExpressway} at ({incident.Location.Lat:R}, {incident.Location.Lon:R}) {incident.ReportedAt:O}");
}
