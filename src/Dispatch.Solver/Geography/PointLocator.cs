using NetTopologySuite.Geometries;
using NetTopologySuite.Index.HPRtree;

namespace Dispatch.Solver.Geography;

/// <summary>Moving points (dense integer ids) searchable by lon/lat box.</summary>
/// <remarks>NTS's packed Hilbert R-tree answers box queries fastest but cannot change once built, so the points
/// that moved since the last build are kept aside and checked one by one; when there are enough of them the tree
/// is rebuilt, which keeps both the side list and the amortized rebuild cost small.</remarks>
internal sealed class PointLocator
{
    private readonly double[] lat;
    private readonly double[] lon;
    private readonly bool[] isMoved;
    private readonly List<int> moved = [];
    private readonly int rebuildThreshold;
    private HPRtree<int> tree = new();

    public PointLocator(int count, Func<int, (double Lat, double Lon)> position)
    {
        lat = new double[count];
        lon = new double[count];
        isMoved = new bool[count];
        for (var i = 0; i < count; i++)
        {
            (lat[i], lon[i]) = position(i);
        }

        rebuildThreshold = Math.Max(64, count / 16);
        Rebuild();
    }

    public void Move(int id, double newLat, double newLon)
    {
        lat[id] = newLat;
        lon[id] = newLon;
        if (!isMoved[id])
        {
            isMoved[id] = true;
            moved.Add(id);
            if (moved.Count > rebuildThreshold)
            {
                Rebuild();
            }
        }
    }

    /// <summary>Adds to <paramref name="output"/> every id whose point lies in the box.</summary>
    public void Query(Envelope box, List<int> output)
    {
        foreach (var id in tree.Query(box))
        {
            if (!isMoved[id])
            {
                output.Add(id);
            }
        }

        foreach (var id in moved)
        {
            if (box.Covers(lon[id], lat[id]))
            {
                output.Add(id);
            }
        }
    }

    private void Rebuild()
    {
        var fresh = new HPRtree<int>();
        for (var i = 0; i < lat.Length; i++)
        {
            fresh.Insert(new Envelope(lon[i], lon[i], lat[i], lat[i]), i);
            isMoved[i] = false;
        }

        fresh.Build();
        tree = fresh;
        moved.Clear();
    }
}
