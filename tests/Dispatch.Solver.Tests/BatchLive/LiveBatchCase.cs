using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.BatchLive;

/// <summary>A latitude/longitude rectangle, bounds included.</summary>
internal readonly record struct LatLonBox(double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    public bool Contains(GeoPoint p) => p.Lat >= MinLat && p.Lat <= MaxLat && p.Lon >= MinLon && p.Lon <= MaxLon;
}

/// <summary>A network with the batch of incidents to assign on it, and the rectangles behind its region and rule
/// geometries so that an oracle can place points without a geometry library.</summary>
internal sealed record LiveBatchCase(
    NetworkDocument Document,
    IReadOnlyList<LatLonBox> RegionBoxes,
    IReadOnlyDictionary<string, LatLonBox> RuleZones,
    IReadOnlyList<(string Id, Incident Incident)> Incidents);
