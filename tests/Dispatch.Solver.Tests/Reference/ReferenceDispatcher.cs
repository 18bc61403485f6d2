using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using NetTopologySuite.Geometries;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>The plain reference implementation of docs/dispatch-semantics.md: every answer is recomputed from scratch
/// by loops over everything, so that the fast engine can be held to it.</summary>
internal sealed partial class ReferenceDispatcher
{
    private readonly NetworkParameters parameters;
    private readonly List<(RegionDocument Region, Geometry Shape)> regions = [];
    private readonly List<(RuleDocument Rule, Geometry? Zone)> rules = [];
    private readonly List<ReferenceResource> resources = [];
    private readonly List<DemandPointDocument> demandPoints;
    private readonly Dictionary<string, CenterDocument> centers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Center, string Sku), (int OnHand, int Reserved)> stock = [];
    private readonly Dictionary<GeoPoint, int?> regionOfPoint = [];

    public ReferenceDispatcher(NetworkDocument document)
    {
        parameters = document.Parameters ?? throw new ArgumentException("parameters are required", nameof(document));
        foreach (var region in document.Regions ?? [])
        {
            regions.Add((region, ParseShape(region.Geometry)));
        }

        foreach (var rule in document.Rules ?? [])
        {
            rules.Add((rule, rule.Zone is null ? null : ParseShape(rule.Zone)));
        }

        foreach (var center in document.Centers ?? [])
        {
            centers.Add(center.Id!, center);
            foreach (var r in center.Resources ?? [])
            {
                if (!ResourceStatusNames.TryParse(r.Status, out var status))
                {
                    throw new ArgumentException($"resource {r.Id} has no valid status", nameof(document));
                }

                resources.Add(new ReferenceResource(r.Id!, r.Type!, center, status, r.Position ?? center.Location!));
            }

            foreach (var (sku, level) in center.Stock ?? new Dictionary<string, StockLevel>())
            {
                stock[(center.Id!, sku)] = ((int)(level.OnHand ?? 0), (int)(level.Reserved ?? 0));
            }
        }

        demandPoints = [.. document.DemandPoints ?? []];
    }

    public IReadOnlyList<ReferenceResource> Resources => resources;

    public IReadOnlyList<DemandPointDocument> DemandPoints => demandPoints;

    public IEnumerable<string> CoverageClasses =>
        (parameters.ResourceTypes ?? new Dictionary<string, ResourceTypeDocument>()).Values.Select(t => t.CoverageClass!).Distinct(StringComparer.Ordinal);

    public void SetResourceStatus(string resourceId, ResourceStatus status) => Find(resourceId).Status = status;

    public void MoveResource(string resourceId, GeoPoint position) => Find(resourceId).Position = position;

    public void SetStock(string centerId, string sku, int onHand, int reserved) => stock[(centerId, sku)] = (onHand, reserved);

    /// <summary>The code of the first region in document order whose polygon covers the point.</summary>
    public string? RegionOf(GeoPoint point) => RegionIndexOf(point) is { } i ? regions[i].Region.Code : null;

    // Regions never change, so a point's region is remembered: point-in-polygon is the reference's slowest step.
    private int? RegionIndexOf(GeoPoint point)
    {
        if (regionOfPoint.TryGetValue(point, out var known))
        {
            return known;
        }

        int? found = null;
        for (var i = 0; i < regions.Count && found is null; i++)
        {
            if (ReferenceGeodesy.IsInside(regions[i].Shape, point))
            {
                found = i;
            }
        }

        regionOfPoint[point] = found;
        return found;
    }

    private ReferenceResource Find(string resourceId) =>
        resources.Single(r => string.Equals(r.Id, resourceId, StringComparison.Ordinal));

    private int AvailableUnits(string centerId, string sku) =>
        stock.TryGetValue((centerId, sku), out var level) ? level.OnHand - level.Reserved : 0;

    private ResourceTypeDocument TypeOf(ReferenceResource resource) => parameters.ResourceTypes![resource.Type];

    /// <summary>etaMin of docs/dispatch-semantics.md "Travel time"; the region is that of the destination.</summary>
    private double EtaMin(ReferenceResource resource, GeoPoint destination, RegionDocument destinationRegion)
    {
        var type = TypeOf(resource);
        var km = ReferenceGeodesy.HaversineKm(resource.Position, destination);
        return type.MobilizationMin!.Value
            + (60 * km * destinationRegion.Circuity!.Value / (type.SpeedKmh!.Value * destinationRegion.SpeedFactor!.Value));
    }

    private static Geometry ParseShape(GeoJsonValue? value) =>
        GeoJsonGeometry.TryParsePolygonal(value, out var shape, out var error)
            ? shape!
            : throw new ArgumentException("invalid geometry in a reference network: " + error, nameof(value));
}
