using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Placement;

/// <summary>
/// What today's units of one type already give each demand point, under the conditions of docs/dispatch-semantics.md "Coverage" that
/// do not depend on a call: the unit is available, the point lies within its center's service radius, and no rule
/// without window and scope bars the type there (a partner-only rule passes a partner's unit). The ETA starts from
/// the unit's position; the standard is the problem's own (the region's, or the request's standardMin).
/// </summary>
internal static class ExistingCoverage
{
    /// <summary>Per demand point, the least ETA of a unit that may serve it; +infinity when none may.</summary>
    public static double[] BestEta(CompiledNetwork network, ResourceTypeSpec type, IReadOnlyList<PlacementDemandPointSpec> demand)
    {
        var best = new double[demand.Count];
        Array.Fill(best, double.PositiveInfinity);
        foreach (var unit in network.Resources)
        {
            if (unit.TypeIndex != type.Index || unit.Status != ResourceStatus.Available)
            {
                continue;
            }

            var center = network.Centers[unit.CenterIndex];
            for (var d = 0; d < demand.Count; d++)
            {
                var point = demand[d];
                if (Haversine.Km(center.Lat, center.Lon, point.Lat, point.Lon) > center.ServiceRadiusKm || Barred(network, type, center, point))
                {
                    continue;
                }

                var profile = PlacementTravelTimes.Profile(network, type, point);
                var eta = HaversineTravelModel.Instance.EtaMinutes(unit.Lat, unit.Lon, point.Lat, point.Lon, profile);
                best[d] = Math.Min(best[d], eta);
            }
        }

        return best;
    }

    private static bool Barred(CompiledNetwork network, ResourceTypeSpec type, CenterSpec center, PlacementDemandPointSpec point)
    {
        foreach (var rule in point.StaticRules)
        {
            if (network.Rules[rule].Bars(type.Index, center.IsPartner) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
