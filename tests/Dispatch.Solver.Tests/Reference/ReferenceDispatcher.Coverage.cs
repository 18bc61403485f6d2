using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

internal sealed partial class ReferenceDispatcher
{
    public string CoverageClassOf(ReferenceResource resource) => TypeOf(resource).CoverageClass!;

    /// <summary>coverCount[class][d], counted from scratch.</summary>
    public int CoverCount(string coverageClass, string demandPointId)
    {
        var point = demandPoints.Single(d => string.Equals(d.Id, demandPointId, StringComparison.Ordinal));
        return resources.Count(u => CoverageClassOf(u) == coverageClass && Covers(u, point));
    }

    /// <summary>The weighted demand that only this resource covers (0 when it is not available).</summary>
    public double CoverageLoss(string resourceId) => AllCoverageLosses()[resourceId];

    /// <summary>Every nonzero coverCount, keyed by class and demand point id.</summary>
    public IReadOnlyDictionary<(string Class, string Point), int> AllCoverCounts()
    {
        var (_, counts) = CoverTable();
        return counts.ToDictionary(kv => (kv.Key.Class, demandPoints[kv.Key.Point].Id!), kv => kv.Value);
    }

    /// <summary>coverageLoss of every resource, by resource id.</summary>
    public IReadOnlyDictionary<string, double> AllCoverageLosses()
    {
        var (covers, counts) = CoverTable();
        var losses = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var u = 0; u < resources.Count; u++)
        {
            var loss = 0.0;
            for (var d = 0; d < demandPoints.Count; d++)
            {
                if (covers[u, d] && counts[(CoverageClassOf(resources[u]), d)] == 1)
                {
                    loss += demandPoints[d].Weight!.Value * RegionOfDemand(demandPoints[d]).CoverageWeight!.Value;
                }
            }

            losses[resources[u].Id] = loss;
        }

        return losses;
    }

    /// <summary>Who covers what, and how many of each class cover each demand point, from scratch.</summary>
    private (bool[,] Covers, Dictionary<(string Class, int Point), int> Counts) CoverTable()
    {
        var covers = new bool[resources.Count, demandPoints.Count];
        var counts = new Dictionary<(string Class, int Point), int>();
        for (var u = 0; u < resources.Count; u++)
        {
            for (var d = 0; d < demandPoints.Count; d++)
            {
                covers[u, d] = Covers(resources[u], demandPoints[d]);
                if (covers[u, d])
                {
                    var key = (CoverageClassOf(resources[u]), d);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return (covers, counts);
    }

    private bool Covers(ReferenceResource resource, DemandPointDocument point)
    {
        if (resource.Status != ResourceStatus.Available)
        {
            return false;
        }

        var region = RegionOfDemand(point);
        if (EtaMin(resource, point.Location!, region) > region.CoverageStandardMin!.Value)
        {
            return false;
        }

        if (ReferenceGeodesy.HaversineKm(resource.Center.Location!, point.Location!) > resource.Center.ServiceRadiusKm!.Value)
        {
            return false;
        }

        // Only rules that hold at every hour and on every road shape standing coverage.
        foreach (var (rule, zone) in rules)
        {
            if (rule.Window is null && rule.Scope is null && zone is not null
                && Bars(rule, resource) && ReferenceGeodesy.IsInside(zone, point.Location!))
            {
                return false;
            }
        }

        return true;
    }

    private RegionDocument RegionOfDemand(DemandPointDocument point) =>
        RegionIndexOf(point.Location!) is { } i
            ? regions[i].Region
            : throw new InvalidOperationException($"demand point {point.Id} is in no region");
}
