using Dispatch.DemoNetwork.Geography;
using Dispatch.DemoNetwork.Sources;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>Keeps the places that can stand for demand or host a center: inside a mainland region, not a
/// mere section of another place, and not a duplicate record of the same town.</summary>
public static class PlaceSiting
{
    /// <summary>GeoNames sometimes has two records of one town a few km apart (e.g. Nagqu).</summary>
    public const double DuplicateRadiusKm = 15;

    public static List<SitedPlace> Site(IEnumerable<Place> places, RegionLocator locator)
    {
        var sited = new List<SitedPlace>();
        foreach (var place in places)
        {
            if (place.FeatureCode is "PPLX" or "PPLH" or "PPLQ" or "PPLW")
            {
                continue;
            }

            var region = locator.Locate(place.Lat, place.Lon);
            if (region is { IsMainland: true })
            {
                sited.Add(new SitedPlace(place, region, RegionProfiles.For(region.Adcode)));
            }
        }

        sited.Sort(SitedPlace.CompareImportance);
        var kept = new List<SitedPlace>();
        foreach (var candidate in sited)
        {
            var duplicate = kept.Any(k => k.Place.Name == candidate.Place.Name && k.DistanceKm(candidate.Lat, candidate.Lon) < DuplicateRadiusKm);
            if (!duplicate)
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }
}
