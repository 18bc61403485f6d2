namespace Dispatch.DemoNetwork.Generation;

/// <summary>A site chosen for a center, before its fleet and stock are drawn.</summary>
public sealed record PlannedCenter(string Id, SitedPlace Site, CenterTier Tier, bool HighPlateau)
{
    public string Kind => Tier.IsPartner() ? "partner" : "direct";
}
