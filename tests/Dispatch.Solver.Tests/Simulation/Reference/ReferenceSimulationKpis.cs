using System.Globalization;
using System.Text;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Simulation.Reference;

/// <summary>One replayed call: its id (ties on reportedAt are broken by it) and the incident.</summary>
internal sealed record ReferenceCall(string Id, Incident Incident);

/// <summary>Mean, nearest-rank p50/p90/p95 and max of responseMin; null over no values.</summary>
internal sealed record ReferenceResponseStats(double? Mean, double? P50, double? P90, double? P95, double? Max)
{
    public static ReferenceResponseStats Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new(null, null, null, null, null);
        }

        var sorted = values.Order().ToList();
        return new(values.Sum() / values.Count, NearestRank(sorted, 50), NearestRank(sorted, 90), NearestRank(sorted, 95), sorted[^1]);
    }

    /// <summary>The value at 1-based rank ceil(p/100 * n), in integers so that no rounding can move the rank.</summary>
    private static double NearestRank(List<double> sorted, int percent)
    {
        var rank = ((percent * sorted.Count) + 99) / 100;
        return sorted[Math.Max(rank, 1) - 1];
    }
}

/// <summary>The KPIs of one incident's region code, for the incidents inside that region.</summary>
internal sealed record ReferenceRegionKpis(string Region, int Incidents, int Served, ReferenceResponseStats ResponseMin, double? WithinStandardShare);

/// <summary>Time averages of covered weighted demand over total weighted demand; null when there is no such demand
/// or no horizon.</summary>
internal sealed record ReferenceCoverage(double? All, double? Remote);

/// <summary>How a call ended.</summary>
internal enum ReferenceFate
{
    Waiting,
    Served,
    ServedFromQueue,
    OutsideEveryRegion,
    WaitedTooLong,
    NoUnitBusyAnyMore,
    WaitingAtTheEnd,
}

/// <summary>What became of one call, for reading a failure: served (and how), or unserved and why.</summary>
internal sealed record ReferenceCallOutcome(string CallId, double CallMin, ReferenceFate Fate, double? ResponseMin, string? ResourceId, string? Mode, double? DispatchedMin, bool StockOut, string? Region, string Note)
{
    public bool Served => Fate is ReferenceFate.Served or ReferenceFate.ServedFromQueue;
}

/// <summary>The KPIs of docs/simulation.md "The KPIs" as the reference simulator computes them, plus a call-by-call
/// log.</summary>
internal sealed record ReferenceSimulationKpis(
    int Incidents,
    int Served,
    int Unserved,
    int Queued,
    ReferenceResponseStats ResponseMin,
    double? WithinStandardShare,
    IReadOnlyList<ReferenceRegionKpis> ByRegion,
    IReadOnlyDictionary<(string CenterId, string Type), double?> BusyShare,
    IReadOnlyDictionary<string, int> PartsConsumed,
    int StockOuts,
    IReadOnlyDictionary<string, ReferenceCoverage> Coverage,
    double HorizonMin,
    IReadOnlyList<ReferenceCallOutcome> Log)
{
    /// <summary>The call-by-call log as text, for a failure message.</summary>
    public string DescribeLog()
    {
        var text = new StringBuilder();
        foreach (var o in Log)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {o.CallId} at {o.CallMin:R} min");
            text.Append(CultureInfo.InvariantCulture, $": {o.Fate}");
            if (o.Served)
            {
                text.Append(CultureInfo.InvariantCulture, $", {o.ResourceId}/{o.Mode} dispatched at {o.DispatchedMin:R}, response {o.ResponseMin:R}");
            }

            text.Append(CultureInfo.InvariantCulture, $"{(o.StockOut ? ", stock-out" : "")}; region {o.Region ?? "none"}; {o.Note}\n");
        }

        return text.ToString();
    }
}
