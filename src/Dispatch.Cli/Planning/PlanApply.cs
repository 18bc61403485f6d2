using System.Globalization;
using Dispatch.Cli.Running;
using Dispatch.Solver.Documents;

namespace Dispatch.Cli.Planning;

/// <summary>
/// Turns a plan into scenario changes (issue 11 "Into a scenario"): one unit of the planned resource type at each chosen
/// site, as <c>addResources</c>. A site that is a center gets the unit at that center; a supplied site gets it at the
/// nearest center (great-circle), stationed at the site (<c>position</c>). Ids are <c>plan-&lt;site&gt;-&lt;n&gt;</c>,
/// n counting up past ids the network already uses.
/// </summary>
public static class PlanApply
{
    public static ScenarioChanges Changes(PlanOutcome outcome, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        if (outcome.Network is null)
        {
            throw new RunFailedException("--apply needs the network the plan was made on, and it could not be read.");
        }

        var taken = new HashSet<string>(
            (outcome.Network.Centers ?? []).SelectMany(c => c?.Resources ?? []).Select(r => r?.Id).OfType<string>(),
            StringComparer.Ordinal);
        var added = new List<AddedResourceDocument>();
        foreach (var site in outcome.Answer.Sites)
        {
            var id = FreeId(site, taken);
            if (outcome.Places.CenterOf(site) is { } center)
            {
                added.Add(new AddedResourceDocument { CenterId = center.Id, Id = id, Type = resourceType });
                continue;
            }

            var location = outcome.Places.Site(site)
                ?? throw new RunFailedException($"--apply: the chosen site '{site}' has no known location.");
            var nearest = outcome.Places.Centers.MinBy(c => GreatCircleKm(c.Location!, location))
                ?? throw new RunFailedException("--apply: the network has no center to attach the new units to.");
            added.Add(new AddedResourceDocument { CenterId = nearest.Id, Id = id, Type = resourceType, Position = location });
        }

        return new ScenarioChanges { AddResources = added };
    }

    private static string FreeId(string site, HashSet<string> taken)
    {
        for (var n = 1; ; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"plan-{site}-{n}");
            if (taken.Add(id))
            {
                return id;
            }
        }
    }

    internal static double GreatCircleKm(GeoPoint a, GeoPoint b)
    {
        const double EarthRadiusKm = 6371.0088;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Lat - a.Lat);
        var dLon = Radians(b.Lon - a.Lon);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(a.Lat)) * Math.Cos(Radians(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
