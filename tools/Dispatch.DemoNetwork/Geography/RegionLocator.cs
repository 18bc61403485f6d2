using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Dispatch.DemoNetwork.Geography;

/// <summary>Finds the region of a point the way docs/dispatch-semantics.md "Regions" does: the first region, in order,
/// containing it.</summary>
public sealed class RegionLocator
{
    private readonly List<(RegionShape Region, IPreparedGeometry Prepared)> regions;

    public RegionLocator(IEnumerable<RegionShape> regions)
    {
        this.regions = regions.Select(r => (r, PreparedGeometryFactory.Prepare(r.Geometry))).ToList();
    }

    public RegionShape? Locate(double lat, double lon)
    {
        var point = GeometryFactories.Wgs84.CreatePoint(new Coordinate(lon, lat));
        foreach (var (region, prepared) in regions)
        {
            // Contains, not Covers: a point exactly on a border counts as outside here, so that any engine
            // (covers or contains) agrees with the generator about every point it keeps.
            if (prepared.Contains(point))
            {
                return region;
            }
        }

        return null;
    }
}
