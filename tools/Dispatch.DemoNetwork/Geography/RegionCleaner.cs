using Dispatch.DemoNetwork.Sources;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;

namespace Dispatch.DemoNetwork.Geography;

/// <summary>Turns decoded rings into valid, modestly sized region polygons.</summary>
public static class RegionCleaner
{
    /// <summary>About 500 m: below the source's own resolution of detail on coastlines and borders, yet it
    /// drops the many collinear vertices of the 1/1024-degree grid.</summary>
    public const double SimplifyToleranceDeg = 0.005;

    /// <summary>Five decimals (about 1 m) is far finer than the source grid (about 100 m).</summary>
    private static readonly PrecisionModel OutputPrecision = new(100_000);

    public static RegionShape Clean(RegionSource source)
    {
        // Each source ring is its own polygon; buffer(0) repairs self-touching rings, the union merges rings
        // that overlap or share edges (the source draws with non-zero fill, so overlaps are land, not holes).
        var repaired = new List<Geometry>();
        for (var i = 0; i < source.Geometry.NumGeometries; i++)
        {
            var part = source.Geometry.GetGeometryN(i);
            var fixedPart = part.IsValid ? part : part.Buffer(0);
            if (!fixedPart.IsEmpty && fixedPart.Area > 0)
            {
                repaired.Add(fixedPart);
            }
        }

        var merged = UnaryUnionOp.Union(repaired);
        var simplified = TopologyPreservingSimplifier.Simplify(merged, SimplifyToleranceDeg);
        var reduced = GeometryPrecisionReducer.Reduce(simplified, OutputPrecision);
        if (!reduced.IsValid)
        {
            reduced = reduced.Buffer(0);
        }

        var oriented = Orient(reduced);
        if (oriented.IsEmpty || !oriented.IsValid)
        {
            throw new InvalidDataException($"region {source.Adcode} could not be made a valid polygon");
        }

        return new RegionShape(source.Adcode, source.Name, source.NameEn, source.Kind, oriented);
    }

    /// <summary>RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.</summary>
    public static Geometry Orient(Geometry geometry)
    {
        var factory = GeometryFactories.Wgs84;
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
            {
                var shell = OrientRing(polygon.Shell, counterClockwise: true);
                var holes = polygon.Holes.Select(h => OrientRing(h, counterClockwise: false)).ToArray();
                polygons.Add(factory.CreatePolygon(shell, holes));
            }
        }

        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
    }

    private static LinearRing OrientRing(LinearRing ring, bool counterClockwise)
    {
        var coordinates = ring.Coordinates;
        if (Orientation.IsCCW(coordinates) != counterClockwise)
        {
            Array.Reverse(coordinates);
        }

        return GeometryFactories.Wgs84.CreateLinearRing(coordinates);
    }
}
