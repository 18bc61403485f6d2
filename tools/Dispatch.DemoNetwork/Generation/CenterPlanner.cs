namespace Dispatch.DemoNetwork.Generation;

/// <summary>Chooses where the own service centers and the partner operators are.</summary>
public static class CenterPlanner
{
    /// <summary>Own centers in the settled regions stay this far apart, so a metropolis does not get ten.</summary>
    public const double DirectSpacingKm = 60;

    public const double RemoteDirectSpacingKm = 100;

    public const double RemoteDirectMinPopulation = 250_000;

    public const double DirectMinPopulation = 300_000;

    public const double HubMinPopulation = 2_000_000;

    public const double MajorMinPopulation = 500_000;

    /// <summary>Partners in remote areas: one per this radius, away from any other center.</summary>
    public const double RemotePartnerSpacingKm = 100;

    /// <summary>Expressway partners: one per this radius, so every point of the settled regions has one within
    /// its 200 km service radius: greedy spacing leaves every county seat within 180 km of one.</summary>
    public const double RoadPartnerSpacingKm = 180;

    public const double RoadPartnerMinFromDirectKm = 10;

    public static List<PlannedCenter> Plan(IReadOnlyList<SitedPlace> places)
    {
        var centers = new List<PlannedCenter>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        // Capitals first: every mainland region gets one own center.
        foreach (var p in places.Where(p => p.Place.SeatRank <= 1))
        {
            Add(centers, ids, p, CenterTier.Hub);
        }

        foreach (var p in places.Where(p => p.Place.SeatRank > 1 && !p.Profile.Remote && (p.Place.SeatRank == 2 || p.Place.Population >= DirectMinPopulation)))
        {
            if (NearestKm(centers.Where(c => !c.Tier.IsPartner()), p) >= DirectSpacingKm)
            {
                var tier = p.Place.Population >= HubMinPopulation ? CenterTier.Hub
                    : p.Place.Population >= MajorMinPopulation ? CenterTier.Major
                    : CenterTier.Standard;
                Add(centers, ids, p, tier);
            }
        }

        foreach (var p in places.Where(p => p.Place.SeatRank > 1 && p.Profile.Remote && p.Place.Population >= RemoteDirectMinPopulation))
        {
            if (NearestKm(centers.Where(c => !c.Tier.IsPartner()), p) >= RemoteDirectSpacingKm)
            {
                Add(centers, ids, p, p.Place.Population >= MajorMinPopulation ? CenterTier.Major : CenterTier.Standard);
            }
        }

        foreach (var p in places.Where(p => p.Place.SeatRank <= 3 && IsRemoteArea(p)))
        {
            if (NearestKm(centers, p) >= RemotePartnerSpacingKm)
            {
                Add(centers, ids, p, CenterTier.RemotePartner);
            }
        }

        foreach (var p in places.Where(p => p.Place.SeatRank is 2 or 3 && !IsRemoteArea(p)))
        {
            if (NearestKm(centers.Where(c => c.Tier.IsPartner()), p) >= RoadPartnerSpacingKm
                && NearestKm(centers, p) >= RoadPartnerMinFromDirectKm)
            {
                Add(centers, ids, p, CenterTier.RoadPartner);
            }
        }

        return centers;
    }

    public static bool IsRemoteArea(SitedPlace p) => p.Profile.Remote || HighPlateau.Contains(p.Region.Adcode, p.Lat, p.Lon);

    private static double NearestKm(IEnumerable<PlannedCenter> centers, SitedPlace p)
    {
        var nearest = double.PositiveInfinity;
        foreach (var c in centers)
        {
            nearest = Math.Min(nearest, c.Site.DistanceKm(p.Lat, p.Lon));
        }

        return nearest;
    }

    private static void Add(List<PlannedCenter> centers, HashSet<string> ids, SitedPlace p, CenterTier tier)
    {
        var slug = Slug.From(p.Place.Name);
        var id = tier.IsPartner() ? "p-" + slug : "c-" + slug;
        if (!ids.Add(id))
        {
            id = id + "-" + p.Place.GeonameId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids.Add(id);
        }

        centers.Add(new PlannedCenter(id, p, tier, HighPlateau.Contains(p.Region.Adcode, p.Lat, p.Lon)));
    }
}
