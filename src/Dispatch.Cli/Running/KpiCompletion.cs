using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Running;

/// <summary>Fills what an answer left out with empty values, so tables and charts need no null checks.</summary>
/// <remarks>KPIs read from a silo may lack the chart extensions (histogram, coverage samples) or lists the
/// server had nothing for; the serializer then leaves those members null despite their annotations.</remarks>
public static class KpiCompletion
{
    private static readonly IReadOnlyDictionary<string, int> NoParts = new Dictionary<string, int>();
    private static readonly IReadOnlyDictionary<string, CoverageShare> NoCoverage = new Dictionary<string, CoverageShare>();

    public static SimulationKpis Complete(SimulationKpis kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        return kpis with
        {
            ResponseMin = kpis.ResponseMin ?? ResponseStats.None,
            ByRegion = (kpis.ByRegion ?? []).Select(r => r with { Name = r.Name ?? r.Region, ResponseMin = r.ResponseMin ?? ResponseStats.None }).ToList(),
            BusyShare = kpis.BusyShare ?? [],
            PartsConsumed = kpis.PartsConsumed ?? NoParts,
            Coverage = kpis.Coverage ?? NoCoverage,
            ResponseHistogram = kpis.ResponseHistogram ?? new ResponseHistogram(0, []),
            CoverageOverTime = kpis.CoverageOverTime ?? [],
        };
    }
}
