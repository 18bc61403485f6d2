namespace Dispatch.Solver.Travel;

/// <summary>What the travel model needs of a vehicle type and the destination's region.</summary>
public readonly record struct TravelProfile(double SpeedKmh, double MobilizationMin, double Circuity, double SpeedFactor);
