using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Placement;

/// <summary>
/// Travel times of docs/dispatch-semantics.md "Travel time" for one resource type: <c>mobilizationMin + 60 * haversineKm(s, d) * R.circuity /
/// (speedKmh * R.speedFactor)</c>, R the region of the demand point (the destination), through the same travel model
/// the recommendations use.
/// </summary>
internal static class PlacementTravelTimes
{
    public static double[][] Matrix(CompiledNetwork network, ResourceTypeSpec type, IReadOnlyList<PlacementSitePoint> sites, IReadOnlyList<PlacementDemandPointSpec> demand)
    {
        var profiles = demand.Select(d => Profile(network, type, d)).ToArray();
        var times = new double[sites.Count][];
        for (var s = 0; s < sites.Count; s++)
        {
            var row = times[s] = new double[demand.Count];
            var site = sites[s];
            for (var d = 0; d < row.Length; d++)
            {
                row[d] = HaversineTravelModel.Instance.EtaMinutes(site.Lat, site.Lon, demand[d].Lat, demand[d].Lon, profiles[d]);
            }
        }

        return times;
    }

    public static TravelProfile Profile(CompiledNetwork network, ResourceTypeSpec type, PlacementDemandPointSpec point)
    {
        var region = network.Regions[point.Region];
        return new TravelProfile(type.SpeedKmh, type.MobilizationMin, region.Circuity, region.SpeedFactor);
    }
}
