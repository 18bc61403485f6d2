using NetTopologySuite.Geometries;

namespace Dispatch.DemoNetwork.Geography;

/// <summary>A provincial-level unit with its cleaned, simplified and valid polygonal geometry.</summary>
public sealed record RegionShape(string Adcode, string Name, string NameEn, string Kind, Geometry Geometry)
{
    /// <summary>Taiwan, Hong Kong and Macao are in the map but not in the served area.</summary>
    public bool IsMainland => Adcode is not ("710000" or "810000" or "820000");
}
