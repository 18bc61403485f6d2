using Dispatch.Solver.Documents;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Dispatch.Solver.Validation;

/// <summary>The union of the region polygons that parsed, for the "inside some region" checks.</summary>
internal sealed class ServedArea
{
    private readonly List<IPreparedGeometry> regions = [];

    /// <summary>False when some region's geometry could not be read: a point outside every readable region
    /// might lie in the broken one, so containment is not judged until the geometry is fixed.</summary>
    public bool IsComplete { get; private set; } = true;

    public void Add(Geometry geometry) => regions.Add(PreparedGeometryFactory.Prepare(geometry));

    public void MarkIncomplete() => IsComplete = false;

    /// <summary>Whether some region contains the point; a point on a region's boundary counts as inside.</summary>
    public bool Covers(GeoPoint point)
    {
        var p = new Point(point.Lon, point.Lat);
        foreach (var region in regions)
        {
            if (region.Covers(p))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports a point that no region contains, when that can be judged.</summary>
    public void CheckInside(ValidationErrorSink errors, string path, GeoPoint point)
    {
        if (IsComplete && !Covers(point))
        {
            errors.Add(path, $"({ValidationErrorSink.Format(point.Lat)}, {ValidationErrorSink.Format(point.Lon)}) is outside every region");
        }
    }
}
