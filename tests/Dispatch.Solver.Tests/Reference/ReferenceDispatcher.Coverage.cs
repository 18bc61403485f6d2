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
    public double CoverageLoss(string resourceId)
    {
        var resource = Find(resourceId);
        var coverageClass = CoverageClassOf(resource);
        var loss = 0.0;
        foreach (var point in demandPoints)
        {
            if (Covers(resource, point) && CoverCount(coverageClass, point.Id!) == 1)
            {
                loss += point.Weight!.Value * RegionOfDemand(point).CoverageWeight!.Value;
            }
        }

        return loss;
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
