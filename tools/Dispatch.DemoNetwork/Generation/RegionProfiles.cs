namespace Dispatch.DemoNetwork.Generation;

/// <summary>The region parameters of the demo network. data/README.md explains every value.</summary>
public static class RegionProfiles
{
    // Plateau and desert: few roads, long detours around mountains and lakes, passes above 4,500 m,
    // livestock and weather on the road. Standards are long because one truck covers a prefecture; the
    // weight is high so the optimizer protects the thin coverage there.
    public static readonly RegionProfile Tibet = new("high_plateau", true, 240, 3.0, 1.6, 0.6);
    public static readonly RegionProfile Qinghai = new("high_plateau", true, 210, 2.5, 1.5, 0.65);
    public static readonly RegionProfile Xinjiang = new("desert_basin", true, 210, 2.5, 1.4, 0.7);
    public static readonly RegionProfile InnerMongolia = new("steppe", true, 180, 2.0, 1.35, 0.75);

    // Mountainous south-west and the Loess/Hexi corridor: winding roads, not remote in the network sense.
    public static readonly RegionProfile Mountain = new("mountain", false, 120, 1.3, 1.45, 0.8);

    // The north-east: long winters (snow, ice), sparse north.
    public static readonly RegionProfile NorthEast = new("cold_plain", false, 120, 1.2, 1.3, 0.85);

    // The dense east and centre: expressway grid.
    public static readonly RegionProfile Plain = new("plain", false, 90, 1.0, 1.25, 0.9);

    // The big municipalities: short distances, congestion.
    public static readonly RegionProfile Metropolis = new("metropolis", false, 60, 1.0, 1.35, 0.65);

    public static RegionProfile For(string adcode) => adcode switch
    {
        "540000" => Tibet,
        "630000" => Qinghai,
        "650000" => Xinjiang,
        "150000" => InnerMongolia,
        "510000" or "520000" or "530000" or "620000" or "640000" or "500000" or "450000" => Mountain,
        "210000" or "220000" or "230000" => NorthEast,
        "110000" or "120000" or "310000" => Metropolis,
        _ => Plain,
    };
}
