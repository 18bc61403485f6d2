namespace Dispatch.Solver.Network;

internal sealed record ResourceTypeSpec(string Name, int Index, double SpeedKmh, double MobilizationMin, int CoverageClass, bool CanTowEv);
