using Dispatch.Solver.Coverage;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Simulation;

/// <summary>What a run records as it goes, and the KPIs made from it at the end (docs/simulation.md "KPIs").</summary>
internal sealed class SimulationLedger
{
    public const double HistogramBinMin = 10;
    public const int HistogramBins = 73;
    private const int MaxCoverageSamples = 240;

    private readonly CompiledNetwork network;
    private readonly CoverageIndex coverage;
    private readonly IReadOnlyList<SimulatedCall> calls;
    private readonly int[] callRegion;
    private readonly double horizonMin;
    private readonly double[] response;
    private readonly bool[] queued;
    private readonly double[,] busyMinutes;
    private readonly SortedDictionary<string, int> partsConsumed = new(StringComparer.Ordinal);
    private readonly double[] coveredAllIntegral;
    private readonly double[] coveredRemoteIntegral;
    private readonly double[] totalAll;
    private readonly double[] totalRemote;
    private readonly List<CoverageSample> samples = [];
    private readonly double sampleStepMin;
    private double nextSampleMin;
    private double lastMin;
    private int stockOuts;

    public SimulationLedger(CompiledNetwork network, CoverageIndex coverage, IReadOnlyList<SimulatedCall> calls, int[] callRegion, double horizonMin)
    {
        this.callRegion = callRegion;
        this.network = network;
        this.coverage = coverage;
        this.calls = calls;
        this.horizonMin = horizonMin;
        response = new double[calls.Count];
        Array.Fill(response, double.NaN);
        queued = new bool[calls.Count];
        busyMinutes = new double[network.Centers.Length, network.Types.Length];
        var classes = network.CoverageClasses.Length;
        coveredAllIntegral = new double[classes];
        coveredRemoteIntegral = new double[classes];
        totalAll = new double[classes];
        totalRemote = new double[classes];
        foreach (var d in network.DemandPoints)
        {
            var remote = d.RegionIndex >= 0 && network.Regions[d.RegionIndex].Remote;
            for (var cls = 0; cls < classes; cls++)
            {
                totalAll[cls] += d.WeightedDemand;
                if (remote)
                {
                    totalRemote[cls] += d.WeightedDemand;
                }
            }
        }

        // Hourly samples, fewer on horizons over ten days, so a chart stays readable and the answer small.
        sampleStepMin = Math.Max(60, horizonMin / MaxCoverageSamples);
    }

    public void Served(int call, double responseMin, bool fromQueue, string? part)
    {
        response[call] = responseMin;
        queued[call] = fromQueue;
        if (part is not null)
        {
            partsConsumed[part] = partsConsumed.GetValueOrDefault(part) + 1;
        }
    }

    public void Unserved(int call) => response[call] = double.NaN;

    public void StockOut() => stockOuts++;

    /// <summary>A unit busy from <paramref name="from"/> to <paramref name="to"/>; only the part inside the horizon counts.</summary>
    public void Busy(ResourceState unit, double from, double to) =>
        busyMinutes[unit.CenterIndex, unit.TypeIndex] += Math.Max(0, Math.Min(to, horizonMin) - Math.Max(from, 0));

    /// <summary>Call before the state changes at <paramref name="now"/>: the state until then is the current one.</summary>
    public void Advance(double now)
    {
        if (now <= lastMin)
        {
            return;
        }

        while (nextSampleMin <= horizonMin && nextSampleMin < now)
        {
            for (var cls = 0; cls < totalAll.Length; cls++)
            {
                samples.Add(new CoverageSample(nextSampleMin, network.CoverageClasses[cls],
                    Share(coverage.CoveredWeight(cls), totalAll[cls]), Share(coverage.CoveredRemoteWeight(cls), totalRemote[cls])));
            }

            nextSampleMin += sampleStepMin;
        }

        var span = Math.Min(now, horizonMin) - Math.Max(lastMin, 0);
        if (span > 0)
        {
            for (var cls = 0; cls < totalAll.Length; cls++)
            {
                coveredAllIntegral[cls] += coverage.CoveredWeight(cls) * span;
                coveredRemoteIntegral[cls] += coverage.CoveredRemoteWeight(cls) * span;
            }
        }

        lastMin = now;
    }

    public SimulationKpis Kpis()
    {
        var served = new List<double>();
        var within = 0;
        var queuedCount = 0;
        var histogram = new int[HistogramBins];
        var regionCalls = new List<int>[network.Regions.Length];
        for (var i = 0; i < calls.Count; i++)
        {
            var region = callRegion[i];
            if (region >= 0)
            {
                (regionCalls[region] ??= []).Add(i);
            }

            if (double.IsNaN(response[i]))
            {
                continue;
            }

            served.Add(response[i]);
            histogram[Math.Min(HistogramBins - 1, (int)(response[i] / HistogramBinMin))]++;
            queuedCount += queued[i] ? 1 : 0;
            within += region >= 0 && response[i] <= network.Regions[region].CoverageStandardMin ? 1 : 0;
        }

        var byRegion = new List<RegionKpis>();
        foreach (var region in network.Regions)
        {
            if (regionCalls[region.Index] is not { } list)
            {
                continue;
            }

            var times = list.Where(i => !double.IsNaN(response[i])).Select(i => response[i]).ToList();
            var regionWithin = times.Count(r => r <= region.CoverageStandardMin);
            byRegion.Add(new RegionKpis(region.Code, region.Name, region.Remote, list.Count, times.Count, Stats(times), (double)regionWithin / list.Count));
        }

        return new SimulationKpis(
            calls.Count,
            served.Count,
            calls.Count - served.Count,
            queuedCount,
            Stats(served),
            calls.Count == 0 ? null : (double)within / calls.Count,
            byRegion,
            BusyShares(),
            partsConsumed,
            stockOuts,
            CoverageShares(),
            new ResponseHistogram(HistogramBinMin, histogram),
            samples);
    }

    /// <summary>Mean, and percentiles by nearest rank: the value at rank ceil(p/100 * n) of the sorted values.</summary>
    internal static ResponseStats Stats(List<double> values)
    {
        if (values.Count == 0)
        {
            return ResponseStats.None;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new ResponseStats(sum / sorted.Length, Rank(50), Rank(90), Rank(95), sorted[^1]);
    }

    // Covered weight is kept by adding and taking away as points gain and lose their last coverer, so it can end
    // a rounding error above the total; a share is never above 1.
    private static double? Share(double part, double whole) => whole > 0 ? Math.Clamp(part / whole, 0, 1) : null;

    private List<BusyShare> BusyShares()
    {
        var units = new int[network.Centers.Length, network.Types.Length];
        foreach (var u in network.Resources)
        {
            units[u.CenterIndex, u.TypeIndex]++;
        }

        var typesByName = network.Types.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var shares = new List<BusyShare>();
        foreach (var center in network.Centers)
        {
            foreach (var type in typesByName)
            {
                var n = units[center.Index, type.Index];
                if (n > 0)
                {
                    shares.Add(new BusyShare(center.Id, type.Name, horizonMin > 0 ? busyMinutes[center.Index, type.Index] / (n * horizonMin) : null));
                }
            }
        }

        return shares;
    }

    private SortedDictionary<string, CoverageShare> CoverageShares()
    {
        var shares = new SortedDictionary<string, CoverageShare>(StringComparer.Ordinal);
        for (var cls = 0; cls < totalAll.Length; cls++)
        {
            shares[network.CoverageClasses[cls]] = horizonMin > 0
                ? new CoverageShare(Share(coveredAllIntegral[cls], totalAll[cls] * horizonMin), Share(coveredRemoteIntegral[cls], totalRemote[cls] * horizonMin))
                : new CoverageShare(null, null);
        }

        return shares;
    }
}
