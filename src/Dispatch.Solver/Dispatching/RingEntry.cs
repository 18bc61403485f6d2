namespace Dispatch.Solver.Dispatching;

/// <summary>A unit met by the ring search: its great-circle distance to the incident and the rank of its id in
/// ordinal order, so that ties sort by id without comparing strings.</summary>
internal readonly record struct RingEntry(double Km, int Rank, int Resource) : IComparable<RingEntry>
{
    public int CompareTo(RingEntry other)
    {
        var byKm = Km.CompareTo(other.Km);
        return byKm != 0 ? byKm : Rank.CompareTo(other.Rank);
    }
}
