using NetTopologySuite.Geometries;

namespace Dispatch.DemoNetwork;

/// <summary>The one geometry factory of the tool: WGS84 lon/lat, floating precision.</summary>
public static class GeometryFactories
{
    public static GeometryFactory Wgs84 { get; } = new(new PrecisionModel(), 4326);
}
