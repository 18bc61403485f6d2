namespace Dispatch.DemoNetwork.Generation;

/// <summary>What a center is for; it decides its fleet, stock and service radius.</summary>
public enum CenterTier
{
    /// <summary>Own center in a provincial capital or a city of two million or more.</summary>
    Hub,

    /// <summary>Own center in a prefecture seat of half a million or more.</summary>
    Major,

    /// <summary>Own center in a smaller prefecture seat.</summary>
    Standard,

    /// <summary>Partner operator in a remote or high-plateau county or prefecture.</summary>
    RemotePartner,

    /// <summary>Partner operator in a county seat of the settled east, for expressway towing.</summary>
    RoadPartner,
}

public static class CenterTiers
{
    public static bool IsPartner(this CenterTier tier) => tier is CenterTier.RemotePartner or CenterTier.RoadPartner;
}
