using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Dispatching;

/// <summary>The live network in memory: topology, availability, stock and the coverage index, and the
/// single-incident recommendation over them. Not thread-safe: its owner serializes calls.</summary>
public sealed partial class DispatchEngine
{
    /// <summary>Compiles a network document that has passed <see cref="Validation.NetworkValidator"/>.</summary>
    public static DispatchEngine Create(NetworkDocument document, ITravelModel? travel = null) => throw new NotImplementedException();

    public RecommendationResult Recommend(Incident incident, RecommendationQuery query) => throw new NotImplementedException();

    /// <summary>The code of the first region (document order) containing the point, or null outside the served area.</summary>
    public string? RegionOf(GeoPoint point) => throw new NotImplementedException();

    public void SetResourceStatus(string resourceId, ResourceStatus status) => throw new NotImplementedException();

    public void MoveResource(string resourceId, GeoPoint position) => throw new NotImplementedException();

    /// <summary>Sets a center's stock of a SKU; reserved never exceeds on hand.</summary>
    public void SetStock(string centerId, string sku, int onHand, int reserved) => throw new NotImplementedException();

    /// <summary>Demand weight (times region weight) that only this resource covers; 0 when it is not available.</summary>
    public double CoverageLoss(string resourceId) => throw new NotImplementedException();

    public int CoverCount(string coverageClass, string demandPointId) => throw new NotImplementedException();

    /// <summary>The document with live status, position and stock.</summary>
    public NetworkDocument ToDocument() => throw new NotImplementedException();
}
