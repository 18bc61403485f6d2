namespace Dispatch.Solver.Dispatching;

/// <summary>An option while ranking: numbers only, turned into a <see cref="DispatchOption"/> at the end.</summary>
internal readonly record struct CandidateOption(
    int Resource,
    int Mode,
    double EtaMin,
    double ModePenaltyMin,
    double CrossRegionPenaltyMin,
    double PartnerPenaltyMin,
    double CoverageLoss,
    double CoveragePenaltyMin,
    double Score);
