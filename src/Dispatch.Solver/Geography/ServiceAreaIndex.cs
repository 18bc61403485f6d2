using NetTopologySuite.Geometries;
using NetTopologySuite.Index.HPRtree;

namespace Dispatch.Solver.Geography;

/// <summary>Fixed discs (a center's service radius) searchable by the points they hold.</summary>
internal sealed class ServiceAreaIndex
{
    private readonly HPRtree<int> tree = new();
    private readonly (double Lat, double Lon, double RadiusKm)[] discs;
    private readonly List<int> found = [];

    public ServiceAreaIndex(IReadOnlyList<(double Lat, double Lon, double RadiusKm)> discs)
    {
        this.discs = [.. discs];
        for (var i = 0; i < this.discs.Length; i++)
        {
            var (lat, lon, radius) = this.discs[i];
            tree.Insert(GeoBox.Around(lat, lon, radius), i);
        }

        tree.Build();
    }

    /// <summary>The largest distance from the point to the centre of a disc that holds it; -1 when none does.</summary>
    public double FarthestHoldingCentreKm(double lat, double lon)
    {
        found.Clear();
        tree.Query(new Envelope(lon, lon, lat, lat), new ListVisitor(found));
        var farthest = -1.0;
        foreach (var i in found)
        {
            var (cLat, cLon, radius) = discs[i];
            var km = Haversine.Km(cLat, cLon, lat, lon);
            if (km <= radius && km > farthest)
            {
                farthest = km;
            }
        }

        return farthest;
    }

    private sealed class ListVisitor(List<int> items) : NetTopologySuite.Index.IItemVisitor<int>
    {
        public void VisitItem(int item) => items.Add(item);
    }
}
