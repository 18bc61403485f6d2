namespace Dispatch.Load.Workload;

/// <summary>A case's assignment as the API reports it: the unit, its center, the mode and the resolved part SKU.</summary>
public sealed record Assignment(string ResourceId, string CenterId, string? Mode, string? Part);
