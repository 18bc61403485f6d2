namespace Dispatch.Solver.Placement;

/// <summary>The two station-planning models of docs/dispatch-semantics.md "Placement".</summary>
public enum PlacementModel
{
    /// <summary>Maximal covering: open k sites to maximize the demand weight with an open site within its standard.</summary>
    Mclp,

    /// <summary>p-median: open k sites to minimize the weighted sum of travel times to the nearest open site.</summary>
    PMedian,
}
