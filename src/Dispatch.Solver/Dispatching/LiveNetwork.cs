using Dispatch.Solver.Coverage;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

/// <summary>The live network in memory: the compiled topology with each unit's status and position, each center's
/// stock, and the indexes that follow them (coverage, unit positions, how far units stand from home). Every change
/// goes through here so that the indexes never disagree with the units. Not thread-safe: its owner serializes calls.
/// </summary>
internal sealed class LiveNetwork
{
    // Moves only ever raise the deviation bound; a full rescan this often lets it fall back when units come home,
    // at a cost (one pass over the units) that is small against this many moves.
    private const int MovesBetweenDeviationScans = 1024;

    private readonly ServiceAreaIndex serviceAreas;
    private int movesSinceDeviationScan;
    private ChangeJournal? journal;

    // An upper bound of how far any unit stands from its center: an option's unit is no farther from the
    // incident than its center is plus this. Moves only raise it between full rescans, which keeps it a bound.
    private double maxDeviationKm;

    public LiveNetwork(CompiledNetwork network, ITravelModel travel)
    {
        Network = network;
        Travel = travel;
        Coverage = new CoverageIndex(network, travel);
        Locator = new PointLocator(network.Resources.Length, i => (network.Resources[i].Lat, network.Resources[i].Lon));
        serviceAreas = new ServiceAreaIndex([.. network.Centers.Select(c => (c.Lat, c.Lon, c.ServiceRadiusKm))]);
        RescanDeviation();
    }

    public CompiledNetwork Network { get; }

    public ITravelModel Travel { get; }

    public CoverageIndex Coverage { get; }

    /// <summary>Unit positions, for the ring searches.</summary>
    public PointLocator Locator { get; }

    /// <summary>How far from the point a unit with an option can stand: the farthest center whose service area holds
    /// the point, plus how far units stand from home (widened a hair so rounding never cuts one off); -1 when no
    /// service area holds the point.</summary>
    public double OptionReachKm(double lat, double lon) =>
        serviceAreas.FarthestHoldingCentreKm(lat, lon) is var holding and >= 0
            ? ((holding + maxDeviationKm) * (1 + 1e-9)) + 1e-6
            : -1;

    public ResourceState Resource(string resourceId) =>
        Network.ResourcesById.TryGetValue(resourceId, out var u) ? u : throw new KeyNotFoundException($"unknown resource '{resourceId}'");

    public CenterSpec Center(string centerId) =>
        Network.CentersById.TryGetValue(centerId, out var c) ? c : throw new KeyNotFoundException($"unknown center '{centerId}'");

    public void SetResourceStatus(string resourceId, ResourceStatus status)
    {
        var u = Resource(resourceId);
        if (u.Status == status)
        {
            return;
        }

        var wasAvailable = u.Status == ResourceStatus.Available;
        u.Status = status;
        journal?.Unit(u.Index);
        if (wasAvailable)
        {
            Coverage.Deactivate(u.Index);
        }
        else if (status == ResourceStatus.Available)
        {
            Coverage.Activate(u.Index);
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

        Locator.Move(u.Index, position.Lat, position.Lon);
        u.Lat = position.Lat;
        u.Lon = position.Lon;
        journal?.Unit(u.Index);
        NoteDeviation(u);
        if (++movesSinceDeviationScan >= MovesBetweenDeviationScans)
        {
            RescanDeviation();
        }

        Coverage.Move(u.Index, u.Status == ResourceStatus.Available);
    }

    /// <summary>From now on, remember which units and stock cells change, for <see cref="TakeChanges"/>. Off by default:
    /// only an owner that passes changes on (the dispatcher to its replicas) pays for it.</summary>
    public void TrackChanges() => journal ??= new ChangeJournal();

    /// <summary>The current values of what changed since the last call; empty when changes are not tracked.</summary>
    public LiveChanges TakeChanges() => journal?.Take(this) ?? LiveChanges.None;

    /// <summary>Sets a center's stock of a SKU; reserved never exceeds on hand.</summary>
    public void SetStock(string centerId, string sku, int onHand, int reserved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reserved);
        ArgumentOutOfRangeException.ThrowIfLessThan(onHand, reserved);
        var center = Center(centerId);
        center.Stock[sku] = new StockCell(onHand, reserved);
        journal?.Stock(center.Index, sku);
    }

    /// <summary>(onHand, reserved) of a SKU at a center; (0, 0) when the center does not stock it.</summary>
    public (int OnHand, int Reserved) StockOf(string centerId, string sku) =>
        Center(centerId).Stock.TryGetValue(sku, out var cell) ? (cell.OnHand, cell.Reserved) : (0, 0);

    public int CoverCount(string coverageClass, string demandPointId)
    {
        var cls = Array.IndexOf(Network.CoverageClasses, coverageClass);
        if (cls < 0)
        {
            throw new ArgumentException($"unknown coverage class '{coverageClass}'", nameof(coverageClass));
        }

        if (!Network.DemandPointsById.TryGetValue(demandPointId, out var d))
        {
            throw new ArgumentException($"unknown demand point '{demandPointId}'", nameof(demandPointId));
        }

        return Coverage.Count(cls, d.Index);
    }

    /// <summary>The document with live status, position and stock.</summary>
    public NetworkDocument ToDocument()
    {
        var centers = Network.Document.Centers ?? [];
        var live = new List<CenterDocument>(centers.Count);
        foreach (var c in centers)
        {
            var spec = Network.CentersById[c.Id!];
            live.Add(c with
            {
                Resources = [.. (c.Resources ?? []).Select(r =>
                {
                    var u = Network.ResourcesById[r.Id!];
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

        return Network.Document with { Centers = live };
    }

    private void RescanDeviation()
    {
        maxDeviationKm = 0;
        movesSinceDeviationScan = 0;
        foreach (var u in Network.Resources)
        {
            NoteDeviation(u);
        }
    }

    private void NoteDeviation(ResourceState u)
    {
        var center = Network.Centers[u.CenterIndex];
        maxDeviationKm = Math.Max(maxDeviationKm, Haversine.Km(u.Lat, u.Lon, center.Lat, center.Lon));
    }
}
