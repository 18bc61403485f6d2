using System.Globalization;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>Demand points: one per populated place, weighted by population in units of 10,000 people.</summary>
public static class DemandBuilder
{
    /// <summary>Most county seats in GeoNames have no population (0); without a floor the remote ones,
    /// where coverage matters most, would weigh nothing. 20,000 is a typical small county seat.</summary>
    public const long PopulationFloor = 20_000;

    public const double PeoplePerWeightUnit = 10_000;

    public static List<DemandPointDocument> Build(IEnumerable<SitedPlace> places) => places
        .OrderBy(p => p.Place.GeonameId)
        .Select(p => new DemandPointDocument
        {
            Id = "d-" + p.Place.GeonameId.ToString(CultureInfo.InvariantCulture),
            Location = new GeoPoint(p.Lat, p.Lon),
            Weight = Weight(p.Place.Population),
        })
        .ToList();

    public static double Weight(long population) => Math.Round(Math.Max(population, PopulationFloor) / PeoplePerWeightUnit, 2);
}
