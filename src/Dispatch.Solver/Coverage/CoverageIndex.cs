using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;
using NetTopologySuite.Index.Strtree;

namespace Dispatch.Solver.Coverage;

/// <summary>Who covers which demand point, and what each unit alone covers
/// (docs/dispatch-semantics.md "Coverage").</summary>
/// <remarks>
/// Cover sets depend on position only, so they are computed when a unit is placed or moves; availability
/// changes only touch the counts of the points in the unit's set. Each point keeps the count and the sum of
/// the indexes of its available coverers, so when the count drops to one the sum names the sole coverer.
/// A unit's loss is re-summed over its own cover set in demand-point order whenever it may change, rather
/// than nudged up and down, so that it is always the exact sum a from-scratch computation gives.
/// </remarks>
internal sealed class CoverageIndex
{
    private readonly CompiledNetwork network;
    private readonly ITravelModel travel;
    private readonly STRtree<int> demandTree = new();
    private readonly int[][] covers;
    private readonly int[,] count;
    private readonly long[,] coverSum;
    private readonly double[] loss;
    private readonly double maxStandardMin;
    private readonly double minCircuity;
    private readonly double maxSpeedFactor;
    private readonly List<int> affected = [];

    // Cover sets of the units as placed at start, by (center, type, position): a unit that goes back to where
    // it started (a simulated unit returning to its center) finds its set here instead of querying again.
    private readonly Dictionary<(int, int, double, double), int[]> placedSets = [];

    // Per coverage class, the weighted demand with at least one available coverer: all regions, remote apart.
    private readonly double[] coveredAll;
    private readonly double[] coveredRemote;

    public CoverageIndex(CompiledNetwork network, ITravelModel travel)
    {
        this.network = network;
        this.travel = travel;
        foreach (var d in network.DemandPoints)
        {
            demandTree.Insert(new NetTopologySuite.Geometries.Envelope(d.Lon, d.Lon, d.Lat, d.Lat), d.Index);
        }

        demandTree.Build();
        maxStandardMin = network.Regions.Length == 0 ? 0 : network.Regions.Max(r => r.CoverageStandardMin);
        minCircuity = network.Regions.Length == 0 ? 1 : network.Regions.Min(r => r.Circuity);
        maxSpeedFactor = network.Regions.Length == 0 ? 1 : network.Regions.Max(r => r.SpeedFactor);
        covers = new int[network.Resources.Length][];
        count = new int[network.CoverageClasses.Length, network.DemandPoints.Length];
        coverSum = new long[network.CoverageClasses.Length, network.DemandPoints.Length];
        loss = new double[network.Resources.Length];
        // Units of one type at one spot of one center cover the same points: compute each set once.
        var shared = placedSets;
        foreach (var u in network.Resources)
        {
            var key = (u.CenterIndex, u.TypeIndex, u.Lat, u.Lon);
            if (!shared.TryGetValue(key, out var set))
            {
                set = ComputeCovers(u);
                shared[key] = set;
            }

            covers[u.Index] = set;
            if (u.Status == ResourceStatus.Available)
            {
                var cls = network.Types[u.TypeIndex].CoverageClass;
                foreach (var d in covers[u.Index])
                {
                    count[cls, d]++;
                    coverSum[cls, d] += u.Index;
                }
            }
        }

        foreach (var u in network.Resources)
        {
            Resum(u.Index);
        }

        coveredAll = new double[network.CoverageClasses.Length];
        coveredRemote = new double[network.CoverageClasses.Length];
        for (var cls = 0; cls < coveredAll.Length; cls++)
        {
            foreach (var d in network.DemandPoints)
            {
                if (count[cls, d.Index] > 0)
                {
                    NoteCovered(cls, d.Index, +1);
                }
            }
        }
    }

    /// <summary>Weighted demand of the class with at least one available coverer (simulation KPIs read it between events).</summary>
    public double CoveredWeight(int coverageClass) => coveredAll[coverageClass];

    /// <summary>As <see cref="CoveredWeight"/>, for demand points in remote regions only.</summary>
    public double CoveredRemoteWeight(int coverageClass) => coveredRemote[coverageClass];

    public double Loss(int resource) => loss[resource];

    public int Count(int coverageClass, int demandPoint) => count[coverageClass, demandPoint];

    public IReadOnlyList<int> CoversOf(int resource) => covers[resource];

    /// <summary>Call after a unit became available.</summary>
    public void Activate(int resource)
    {
        var cls = ClassOf(resource);
        affected.Clear();
        foreach (var d in covers[resource])
        {
            if (count[cls, d] == 1)
            {
                affected.Add((int)coverSum[cls, d]);
            }

            if (count[cls, d] == 0)
            {
                NoteCovered(cls, d, +1);
            }

            count[cls, d]++;
            coverSum[cls, d] += resource;
        }

        affected.Add(resource);
        ResumAffected();
    }

    /// <summary>Call after a unit stopped being available.</summary>
    public void Deactivate(int resource)
    {
        var cls = ClassOf(resource);
        affected.Clear();
        foreach (var d in covers[resource])
        {
            count[cls, d]--;
            coverSum[cls, d] -= resource;
            if (count[cls, d] == 1)
            {
                affected.Add((int)coverSum[cls, d]);
            }
            else if (count[cls, d] == 0)
            {
                NoteCovered(cls, d, -1);
            }
        }

        loss[resource] = 0;
        ResumAffected();
    }

    /// <summary>Call after a unit's position changed; <paramref name="available"/> is its status throughout.</summary>
    public void Move(int resource, bool available)
    {
        if (available)
        {
            Deactivate(resource);
        }

        var u = network.Resources[resource];
        covers[resource] = placedSets.TryGetValue((u.CenterIndex, u.TypeIndex, u.Lat, u.Lon), out var placed) ? placed : ComputeCovers(u);
        if (available)
        {
            Activate(resource);
        }
    }

    private void NoteCovered(int cls, int demandPoint, int sign)
    {
        var d = network.DemandPoints[demandPoint];
        coveredAll[cls] += sign * d.WeightedDemand;
        if (d.RegionIndex >= 0 && network.Regions[d.RegionIndex].Remote)
        {
            coveredRemote[cls] += sign * d.WeightedDemand;
        }
    }

    private int ClassOf(int resource) => network.Types[network.Resources[resource].TypeIndex].CoverageClass;

    private void ResumAffected()
    {
        affected.Sort();
        var previous = -1;
        foreach (var v in affected)
        {
            if (v != previous)
            {
                Resum(v);
                previous = v;
            }
        }
    }

    private void Resum(int resource)
    {
        if (network.Resources[resource].Status != ResourceStatus.Available)
        {
            loss[resource] = 0;
            return;
        }

        var cls = ClassOf(resource);
        var sum = 0.0;
        foreach (var d in covers[resource])
        {
            if (count[cls, d] == 1)
            {
                sum += network.DemandPoints[d].WeightedDemand;
            }
        }

        loss[resource] = sum;
    }

    private int[] ComputeCovers(ResourceState u)
    {
        var type = network.Types[u.TypeIndex];
        var center = network.Centers[u.CenterIndex];
        var found = new List<int>();

        // Candidates lie within the center's service radius and within reach of the slowest standard;
        // query around whichever disc is smaller.
        var reachKm = Math.Max(0, maxStandardMin - type.MobilizationMin) * type.SpeedKmh * maxSpeedFactor / (60 * minCircuity);
        var box = travel is HaversineTravelModel && reachKm < center.ServiceRadiusKm
            ? GeoBox.Around(u.Lat, u.Lon, reachKm * 1.000001)
            : GeoBox.Around(center.Lat, center.Lon, center.ServiceRadiusKm);
        foreach (var d in demandTree.Query(box))
        {
            var point = network.DemandPoints[d];
            if (Covers(u, type, center, point))
            {
                found.Add(d);
            }
        }

        found.Sort();
        return [.. found];
    }

    private bool Covers(ResourceState u, ResourceTypeSpec type, CenterSpec center, DemandPointSpec d)
    {
        if (d.RegionIndex < 0 || Haversine.Km(center.Lat, center.Lon, d.Lat, d.Lon) > center.ServiceRadiusKm)
        {
            return false;
        }

        var region = network.Regions[d.RegionIndex];
        var eta = travel.EtaMinutes(u.Lat, u.Lon, d.Lat, d.Lon, new TravelProfile(type.SpeedKmh, type.MobilizationMin, region.Circuity, region.SpeedFactor));
        if (eta > region.CoverageStandardMin)
        {
            return false;
        }

        foreach (var ruleIndex in d.StaticRules)
        {
            if (network.Rules[ruleIndex].Bars(u.TypeIndex, center.IsPartner) is not null)
            {
                return false;
            }
        }

        return true;
    }
}
