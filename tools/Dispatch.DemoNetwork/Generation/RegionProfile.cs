namespace Dispatch.DemoNetwork.Generation;

/// <summary>Service parameters of a region (DESIGN §3 "Regions"), chosen by the kind of terrain and roads.</summary>
public sealed record RegionProfile(
    string Name,
    bool Remote,
    double CoverageStandardMin,
    double CoverageWeight,
    double Circuity,
    double SpeedFactor);
