namespace Dispatch.Solver.Simulation;

/// <summary>The KPIs of one simulated run (docs/simulation.md "The KPIs"). A statistic over no values is
/// null.</summary>
public sealed record SimulationKpis(
    int Incidents,
    int Served,
    int Unserved,
    int Queued,
    ResponseStats ResponseMin,
    double? WithinStandardShare,
    IReadOnlyList<RegionKpis> ByRegion,
    IReadOnlyList<BusyShare> BusyShare,
    IReadOnlyDictionary<string, int> PartsConsumed,
    int StockOuts,
    IReadOnlyDictionary<string, CoverageShare> Coverage,
    ResponseHistogram ResponseHistogram,
    IReadOnlyList<CoverageSample> CoverageOverTime);

/// <summary>Mean and nearest-rank percentiles of <c>responseMin</c> over served incidents.</summary>
public sealed record ResponseStats(double? Mean, double? P50, double? P90, double? P95, double? Max)
{
    /// <summary>The statistics of a run with no served incident: every value null.</summary>
    public static ResponseStats None { get; } = new(null, null, null, null, null);
}

/// <summary>KPIs of the incidents whose location is in one region.</summary>
public sealed record RegionKpis(string Region, string Name, bool Remote, int Incidents, int Served, ResponseStats ResponseMin, double? WithinStandardShare);

/// <summary>Busy minutes inside the horizon over (units of the type at the center x horizon minutes).</summary>
public sealed record BusyShare(string CenterId, string Type, double? Share);

/// <summary>Time average of covered demand weight over total demand weight: all regions, and remote regions apart.</summary>
public sealed record CoverageShare(double? All, double? Remote);

/// <summary>An extension for charts: served incidents counted by response time, in bins of <see cref="BinMin"/> minutes.</summary>
/// <param name="BinMin">The width of a bin, in minutes.</param>
/// <param name="Counts">Counts[i] holds responses in [i * BinMin, (i + 1) * BinMin); the last bin holds everything beyond.</param>
public sealed record ResponseHistogram(double BinMin, IReadOnlyList<int> Counts);

/// <summary>An extension for charts: the covered share of each coverage class at one instant of the horizon.</summary>
public sealed record CoverageSample(double AtMin, string CoverageClass, double? All, double? Remote);

/// <summary>A scenario and its baseline, run on the same calls.</summary>
public sealed record ScenarioOutcome(SimulationKpis Scenario, SimulationKpis Baseline);
