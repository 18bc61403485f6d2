namespace Dispatch.Solver.Placement;

/// <summary>A candidate site as the builder uses it.</summary>
internal sealed record PlacementSitePoint(string Id, double Lat, double Lon);

/// <summary>A demand point as the builder uses it: its weight for the model, its region (index into the compiled
/// network), and the indexes of the static rules (no window, no scope) whose zone holds it.</summary>
internal sealed record PlacementDemandPointSpec(string Id, double Lat, double Lon, double Weight, int Region, int[] StaticRules);
