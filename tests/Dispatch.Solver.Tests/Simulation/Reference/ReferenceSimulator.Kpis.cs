using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Simulation.Reference;

/// <summary>Coverage over time and the KPIs at the end of the run.</summary>
internal sealed partial class ReferenceSimulator
{
    // The covered weighted demand after each state change: from that time on until the next entry, the state
    // "between events" is this one. Several entries at one time: the last is the state after that instant.
    private readonly List<(double AtMin, Dictionary<string, (double All, double Remote)> Covered)> coverageSteps = [];

    /// <summary>Counts, from scratch, the covered weighted demand of each coverage class on the current state.</summary>
    private void RecordCoverage(double atMin)
    {
        var counts = dispatcher.AllCoverCounts();
        var covered = new Dictionary<string, (double All, double Remote)>(StringComparer.Ordinal);
        foreach (var coverageClass in CoverageClasses())
        {
            var all = 0.0;
            var remote = 0.0;
            foreach (var point in document.DemandPoints ?? [])
            {
                if (counts.GetValueOrDefault((coverageClass, point.Id!)) >= 1)
                {
                    var region = DemandRegion(point);
                    all += WeightedDemand(point);
                    remote += region.Remote ? WeightedDemand(point) : 0;
                }
            }

            covered[coverageClass] = (all, remote);
        }

        coverageSteps.Add((atMin, covered));
    }

    private IEnumerable<string> CoverageClasses() =>
        parameters.ResourceTypes!.Values.Select(t => t.CoverageClass!).Distinct(StringComparer.Ordinal);

    /// <summary>"weights weight * coverageWeight" of the demand point's region.</summary>
    private double WeightedDemand(DemandPointDocument point) => point.Weight!.Value * DemandRegion(point).CoverageWeight!.Value;

    private RegionDocument DemandRegion(DemandPointDocument point) =>
        RegionByCode(dispatcher.RegionOf(point.Location!) ?? throw new InvalidOperationException($"demand point {point.Id} is in no region"));

    private ReferenceSimulationKpis Kpis()
    {
        var servedTimes = new List<double>();
        var within = 0;
        var byRegion = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < calls.Count; i++)
        {
            var o = outcomes[i];
            var regionCode = o.Region;
            if (regionCode is not null)
            {
                (byRegion.TryGetValue(regionCode, out var list) ? list : byRegion[regionCode] = []).Add(i);
            }

            if (o.Served)
            {
                servedTimes.Add(o.ResponseMin!.Value);
                within += o.ResponseMin <= RegionByCode(regionCode!).CoverageStandardMin ? 1 : 0;
            }
        }

        var regions = new List<ReferenceRegionKpis>();
        foreach (var region in document.Regions!)
        {
            if (!byRegion.TryGetValue(region.Code!, out var inRegion))
            {
                continue;
            }

            var times = inRegion.Where(i => outcomes[i].Served).Select(i => outcomes[i].ResponseMin!.Value).ToList();
            regions.Add(new ReferenceRegionKpis(
                region.Code!,
                inRegion.Count,
                times.Count,
                ReferenceResponseStats.Of(times),
                (double)times.Count(r => r <= region.CoverageStandardMin) / inRegion.Count));
        }

        return new ReferenceSimulationKpis(
            calls.Count,
            servedTimes.Count,
            calls.Count - servedTimes.Count,
            outcomes.Count(o => o.Fate == ReferenceFate.ServedFromQueue),
            ReferenceResponseStats.Of(servedTimes),
            (double)within / calls.Count,
            regions,
            BusyShares(),
            new Dictionary<string, int>(partsConsumed, StringComparer.Ordinal),
            stockOuts,
            CoverageShares(),
            horizonMin,
            outcomes);
    }

    /// <summary>"busy minutes inside the horizon / (units of that type at that center x horizon minutes)", for every
    /// center and type with at least one unit (offline ones count: they are units of the center).</summary>
    private Dictionary<(string CenterId, string Type), double?> BusyShares()
    {
        var shares = new Dictionary<(string CenterId, string Type), double?>();
        foreach (var group in units.GroupBy(u => (u.Center.Id!, u.Type)))
        {
            var busy = group.Sum(u => u.BusyMinutesInHorizon);
            shares[group.Key] = horizonMin > 0 ? busy / (group.Count() * horizonMin) : null;
        }

        return shares;
    }

    /// <summary>The time average over [0, horizon] of the covered share, by integrating the step function of
    /// <see cref="coverageSteps"/>; null over an empty horizon or with no weighted demand to cover.</summary>
    private Dictionary<string, ReferenceCoverage> CoverageShares()
    {
        var totalAll = (document.DemandPoints ?? []).Sum(WeightedDemand);
        var totalRemote = (document.DemandPoints ?? []).Where(p => DemandRegion(p).Remote).Sum(WeightedDemand);
        var shares = new Dictionary<string, ReferenceCoverage>(StringComparer.Ordinal);
        foreach (var coverageClass in CoverageClasses())
        {
            var all = 0.0;
            var remote = 0.0;
            for (var k = 0; k < coverageSteps.Count; k++)
            {
                var from = Math.Max(coverageSteps[k].AtMin, 0);
                var to = Math.Min(k + 1 < coverageSteps.Count ? coverageSteps[k + 1].AtMin : double.PositiveInfinity, horizonMin);
                if (to > from)
                {
                    all += coverageSteps[k].Covered[coverageClass].All * (to - from);
                    remote += coverageSteps[k].Covered[coverageClass].Remote * (to - from);
                }
            }

            shares[coverageClass] = new ReferenceCoverage(
                horizonMin > 0 && totalAll > 0 ? all / (totalAll * horizonMin) : null,
                horizonMin > 0 && totalRemote > 0 ? remote / (totalRemote * horizonMin) : null);
        }

        return shares;
    }
}
