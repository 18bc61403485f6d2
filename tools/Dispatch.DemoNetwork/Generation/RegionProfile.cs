namespace Dispatch.DemoNetwork.Generation;

/// <summary>Service parameters of a region (docs/dispatch-semantics.md "Regions"), chosen by the kind of terrain and
/// roads.</summary>
public sealed record RegionProfile(
    string Name,
    bool Remote,
    double CoverageStandardMin,
    double CoverageWeight,
    double Circuity,
    double SpeedFactor);
