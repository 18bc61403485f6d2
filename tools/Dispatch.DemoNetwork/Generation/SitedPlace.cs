using Dispatch.DemoNetwork.Geography;
using Dispatch.DemoNetwork.Sources;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>A populated place inside a mainland region, with that region and its profile.</summary>
public sealed record SitedPlace(Place Place, RegionShape Region, RegionProfile Profile)
{
    public double Lat => Place.Lat;

    public double Lon => Place.Lon;

    public double DistanceKm(double lat, double lon) => Geodesy.HaversineKm(Place.Lat, Place.Lon, lat, lon);

    /// <summary>Importance order: seat rank, then population (larger first), then GeoNames id.</summary>
    public static int CompareImportance(SitedPlace a, SitedPlace b)
    {
        var byRank = a.Place.SeatRank.CompareTo(b.Place.SeatRank);
        if (byRank != 0)
        {
            return byRank;
        }

        var byPopulation = b.Place.Population.CompareTo(a.Place.Population);
        return byPopulation != 0 ? byPopulation : a.Place.GeonameId.CompareTo(b.Place.GeonameId);
    }
}
