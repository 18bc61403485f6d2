namespace Dispatch.Solver.Network;

/// <summary>A demand point with its region and the rules (no window, no scope) whose zone holds it.</summary>
internal sealed record DemandPointSpec(int Index, string Id, double Lat, double Lon, double Weight, int RegionIndex, int[] StaticRules)
{
    public double WeightedDemand { get; init; }
}
