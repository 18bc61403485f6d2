using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Output;

/// <summary>Figures the tables and the sweep derive from KPIs.</summary>
public static class KpiFacts
{
    /// <summary>Share of incidents not served within their region's standard: 1 - withinStandardShare.</summary>
    public static double? LateShare(SimulationKpis kpis) => 1 - kpis.WithinStandardShare;

    /// <summary>The late share over the incidents of remote regions, weighting each region by its incidents
    /// (a region's share is over all its incidents, so share x incidents counts those within the standard).</summary>
    public static double? RemoteLateShare(SimulationKpis kpis)
    {
        var remote = kpis.ByRegion.Where(r => r.Remote && r.Incidents > 0).ToList();
        var incidents = remote.Sum(r => r.Incidents);
        if (incidents == 0)
        {
            return null;
        }

        var within = remote.Sum(r => (r.WithinStandardShare ?? 0) * r.Incidents);
        return 1 - (within / incidents);
    }

    /// <summary>Coverage classes of either run, in ordinal order, so both runs line up row by row.</summary>
    public static IReadOnlyList<string> CoverageClasses(params SimulationKpis[] runs) =>
        runs.SelectMany(r => r.Coverage.Keys).Distinct().Order(StringComparer.Ordinal).ToList();

    public static CoverageShare? Coverage(SimulationKpis kpis, string coverageClass) =>
        kpis.Coverage.TryGetValue(coverageClass, out var share) ? share : null;
}
