using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Dispatch.Solver.Network;

internal sealed class RegionSpec
{
    public RegionSpec(int index, string code, string name, Geometry geometry, bool remote, double coverageStandardMin, double coverageWeight, double circuity, double speedFactor)
    {
        Index = index;
        Code = code;
        Name = name;
        Geometry = geometry;
        Prepared = PreparedGeometryFactory.Prepare(geometry);
        Envelope = geometry.EnvelopeInternal;
        Remote = remote;
        CoverageStandardMin = coverageStandardMin;
        CoverageWeight = coverageWeight;
        Circuity = circuity;
        SpeedFactor = speedFactor;
    }

    public int Index { get; }
    public string Code { get; }
    public string Name { get; }
    public Geometry Geometry { get; }
    public IPreparedGeometry Prepared { get; }
    public Envelope Envelope { get; }
    public bool Remote { get; }
    public double CoverageStandardMin { get; }
    public double CoverageWeight { get; }
    public double Circuity { get; }
    public double SpeedFactor { get; }
}
