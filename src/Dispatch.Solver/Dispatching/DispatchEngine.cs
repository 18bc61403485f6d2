using Dispatch.Solver.Coverage;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

/// <summary>The live network in memory: topology, availability, stock and the coverage index, and the
/// single-incident recommendation over them. Not thread-safe: its owner serializes calls.</summary>
public sealed partial class DispatchEngine
{
    private readonly CompiledNetwork network;
    private readonly ITravelModel travel;
    private readonly CoverageIndex coverage;
    private readonly PointLocator locator;
    private readonly ServiceAreaIndex serviceAreas;
    private int movesSinceDeviationScan;

    // Moves only ever raise the deviation bound; a full rescan this often lets it fall back when units come home,
    // at a cost (one pass over the units) that is small against this many moves.
    private const int MovesBetweenDeviationScans = 1024;

    // The first ring is about 0.7 times the mean spacing of centers (the side of the area each center has on
    // average), within 10 to 200 km; 50 km when there are no centers to measure.
    private const double FirstRingSpacingFactor = 0.7;
    private const double MinFirstRingKm = 10;
    private const double MaxFirstRingKm = 200;
    private const double FirstRingWithoutCentersKm = 50;

    // The first search ring: about the spacing of centers, so most incidents settle in one or two rings.
    private readonly double firstRingKm;

    // An upper bound of how far any unit stands from its center: an option's unit is no farther from the
    // incident than its center is plus this. Moves only raise it between full rescans, which keeps it a bound.
    private double maxDeviationKm;

    private DispatchEngine(CompiledNetwork network, ITravelModel travel)
    {
        this.network = network;
        this.travel = travel;
        coverage = new CoverageIndex(network, travel);
        locator = new PointLocator(network.Resources.Length, i => (network.Resources[i].Lat, network.Resources[i].Lon));
        firstRingKm = FirstRing(network.Centers);
        serviceAreas = new ServiceAreaIndex([.. network.Centers.Select(c => (c.Lat, c.Lon, c.ServiceRadiusKm))]);
        RescanDeviation();
    }

    public int ResourceCount => network.Resources.Length;

    /// <summary>Compiles a network document that has passed <see cref="Validation.NetworkValidator"/>.</summary>
    public static DispatchEngine Create(NetworkDocument document, ITravelModel? travel = null) =>
        new(CompiledNetwork.Compile(document), travel ?? HaversineTravelModel.Instance);

    /// <summary>The code of the first region (document order) containing the point, or null outside the served area.</summary>
    public string? RegionOf(GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var index = network.RegionIndexOf(point.Lat, point.Lon);
        return index < 0 ? null : network.Regions[index].Code;
    }

    public bool HasResource(string resourceId) => network.ResourcesById.ContainsKey(resourceId);

    public bool HasCenter(string centerId) => network.CentersById.ContainsKey(centerId);

    public ResourceStatus StatusOf(string resourceId) => Resource(resourceId).Status;

    public string CenterOf(string resourceId) => network.Centers[Resource(resourceId).CenterIndex].Id;

    public GeoPoint PositionOf(string resourceId)
    {
        var u = Resource(resourceId);
        return new GeoPoint(u.Lat, u.Lon);
    }

    public void SetResourceStatus(string resourceId, ResourceStatus status)
    {
        var u = Resource(resourceId);
        if (u.Status == status)
        {
            return;
        }

        var wasAvailable = u.Status == ResourceStatus.Available;
        u.Status = status;
        if (wasAvailable)
        {
            coverage.Deactivate(u.Index);
        }
        else if (status == ResourceStatus.Available)
        {
            coverage.Activate(u.Index);
        }
    }

    public void MoveResource(string resourceId, GeoPoint position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!position.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(position), "coordinates out of range");
        }

        var u = Resource(resourceId);
        if (u.Lat == position.Lat && u.Lon == position.Lon)
        {
            return;
        }

        locator.Move(u.Index, position.Lat, position.Lon);
        u.Lat = position.Lat;
        u.Lon = position.Lon;
        NoteDeviation(u);
        if (++movesSinceDeviationScan >= MovesBetweenDeviationScans)
        {
            RescanDeviation();
        }

        coverage.Move(u.Index, u.Status == ResourceStatus.Available);
    }

    /// <summary>Sets a center's stock of a SKU; reserved never exceeds on hand.</summary>
    public void SetStock(string centerId, string sku, int onHand, int reserved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reserved);
        ArgumentOutOfRangeException.ThrowIfLessThan(onHand, reserved);
        var center = Center(centerId);
        center.Stock[sku] = new StockCell(onHand, reserved);
    }

    /// <summary>(onHand, reserved) of a SKU at a center; (0, 0) when the center does not stock it.</summary>
    public (int OnHand, int Reserved) StockOf(string centerId, string sku) =>
        Center(centerId).Stock.TryGetValue(sku, out var cell) ? (cell.OnHand, cell.Reserved) : (0, 0);

    /// <summary>Demand weight (times region weight) that only this resource covers; 0 when it is not available.</summary>
    public double CoverageLoss(string resourceId) => coverage.Loss(Resource(resourceId).Index);

    public int CoverCount(string coverageClass, string demandPointId)
    {
        var cls = Array.IndexOf(network.CoverageClasses, coverageClass);
        if (cls < 0)
        {
            throw new ArgumentException($"unknown coverage class '{coverageClass}'", nameof(coverageClass));
        }

        if (!network.DemandPointsById.TryGetValue(demandPointId, out var d))
        {
            throw new ArgumentException($"unknown demand point '{demandPointId}'", nameof(demandPointId));
        }

        return coverage.Count(cls, d.Index);
    }

    /// <summary>The document with live status, position and stock.</summary>
    public NetworkDocument ToDocument()
    {
        var centers = network.Document.Centers ?? [];
        var live = new List<CenterDocument>(centers.Count);
        foreach (var c in centers)
        {
            var spec = network.CentersById[c.Id!];
            live.Add(c with
            {
                Resources = [.. (c.Resources ?? []).Select(r =>
                {
                    var u = network.ResourcesById[r.Id!];
                    var moved = u.Lat != spec.Lat || u.Lon != spec.Lon;
                    return r with
                    {
                        Status = u.Status.ToName(),
                        Position = moved || r.Position is not null ? new GeoPoint(u.Lat, u.Lon) : null,
                    };
                })],
                Stock = spec.Stock.ToDictionary(kv => kv.Key, kv => new StockLevel { OnHand = kv.Value.OnHand, Reserved = kv.Value.Reserved }, StringComparer.Ordinal),
            });
        }

        return network.Document with { Centers = live };
    }

    private ResourceState Resource(string resourceId) =>
        network.ResourcesById.TryGetValue(resourceId, out var u) ? u : throw new KeyNotFoundException($"unknown resource '{resourceId}'");

    private CenterSpec Center(string centerId) =>
        network.CentersById.TryGetValue(centerId, out var c) ? c : throw new KeyNotFoundException($"unknown center '{centerId}'");

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

    private void RescanDeviation()
    {
        maxDeviationKm = 0;
        movesSinceDeviationScan = 0;
        foreach (var u in network.Resources)
        {
            NoteDeviation(u);
        }
    }

    private void NoteDeviation(ResourceState u)
    {
        var center = network.Centers[u.CenterIndex];
        maxDeviationKm = Math.Max(maxDeviationKm, Haversine.Km(u.Lat, u.Lon, center.Lat, center.Lon));
    }
}
