using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Dispatching;

/// <summary>Units around a point, ring by ring of great-circle distance: what both the single-incident search and
/// the batch candidate search walk. One list is reused for every ring, so a search allocates nothing per ring; the
/// entries of a ring are good until the next <see cref="Collect"/>.</summary>
internal sealed class UnitRings
{
    // Half the Earth's circumference: a ring this wide holds every unit.
    public const double WholeEarthKm = Math.PI * Haversine.EarthRadiusKm;

    // The first ring is about 0.7 times the mean spacing of centers (the side of the area each center has on
    // average), within 10 to 200 km; 50 km when there are no centers to measure.
    private const double FirstRingSpacingFactor = 0.7;
    private const double MinFirstRingKm = 10;
    private const double MaxFirstRingKm = 200;
    private const double FirstRingWithoutCentersKm = 50;

    private readonly CompiledNetwork network;
    private readonly PointLocator locator;
    private readonly List<int> found = [];

    public UnitRings(LiveNetwork live)
    {
        network = live.Network;
        locator = live.Locator;
        FirstRingKm = FirstRing(network.Centers);
    }

    /// <summary>The first search ring: about the spacing of centers, so most incidents settle in one or two rings.</summary>
    public double FirstRingKm { get; }

    /// <summary>The ring last collected, nearest first. A <see cref="List{T}"/> so that walking it allocates no enumerator.</summary>
    public List<RingEntry> Entries { get; } = [];

    /// <summary>Fills <see cref="Entries"/> with the units at distance in (inner, outer], nearest first, ties by id,
    /// and returns how many that is.</summary>
    public int Collect(double lat, double lon, double inner, double outer)
    {
        var ring = Entries;
        ring.Clear();
        found.Clear();
        locator.Query(GeoBox.Around(lat, lon, outer), found);
        foreach (var id in found)
        {
            var u = network.Resources[id];
            var km = Haversine.Km(u.Lat, u.Lon, lat, lon);
            if (km > inner && (km <= outer || outer >= WholeEarthKm))
            {
                ring.Add(new RingEntry(km, network.OrdinalRank[id], id));
            }
        }

        ring.Sort();
        return ring.Count;
    }

    private static double FirstRing(CenterSpec[] centers)
    {
        if (centers.Length == 0)
        {
            return FirstRingWithoutCentersKm;
        }

        var minLat = centers.Min(c => c.Lat);
        var maxLat = centers.Max(c => c.Lat);
        var minLon = centers.Min(c => c.Lon);
        var maxLon = centers.Max(c => c.Lon);
        var kmPerDegree = Math.PI * Haversine.EarthRadiusKm / 180;
        var areaKm2 = (maxLat - minLat) * kmPerDegree * (maxLon - minLon) * kmPerDegree * Math.Cos((minLat + maxLat) * Math.PI / 360);
        return Math.Clamp(FirstRingSpacingFactor * Math.Sqrt(areaKm2 / centers.Length), MinFirstRingKm, MaxFirstRingKm);
    }
}
