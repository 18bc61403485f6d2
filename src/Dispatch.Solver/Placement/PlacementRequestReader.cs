using Dispatch.Solver.Network;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Placement;

/// <summary>Reads the candidate sites and demand points of a request against a compiled network, reporting every
/// problem at its request path.</summary>
internal static class PlacementRequestReader
{
    public static List<PlacementSitePoint> Candidates(ValidationErrorSink errors, CompiledNetwork network, PlacementCandidates? candidates)
    {
        const string Path = "candidates";
        if (candidates?.Sites is not { } supplied)
        {
            if (network.Centers.Length == 0)
            {
                errors.Add(Path, "the network has no centers to use as candidates");
            }

            return [.. network.Centers.Select(c => new PlacementSitePoint(c.Id, c.Lat, c.Lon))];
        }

        if (supplied.Count == 0)
        {
            errors.Add(Path, "must list at least one candidate site");
        }

        var ids = new IdRegistry("candidate id");
        var sites = new List<PlacementSitePoint>();
        for (var i = 0; i < supplied.Count; i++)
        {
            var path = JsonPathText.Index(Path, i);
            if (!errors.Require(path, supplied[i]))
            {
                continue;
            }

            var idOk = ids.Register(errors, JsonPathText.Member(path, "id"), supplied[i].Id);
            var location = supplied[i].Location;
            if (errors.RequirePoint(JsonPathText.Member(path, "location"), location) && idOk)
            {
                sites.Add(new PlacementSitePoint(supplied[i].Id!, location!.Lat, location.Lon));
            }
        }

        return sites;
    }

    public static List<PlacementDemandPointSpec> Demand(ValidationErrorSink errors, CompiledNetwork network, IReadOnlyList<PlacementDemandPoint>? demand)
    {
        const string Path = "demand";
        if (demand is null)
        {
            // The network's points, weighted as coverage weighs them (docs/dispatch-semantics.md "Placement").
            return [.. network.DemandPoints
                .Where(p => p.RegionIndex >= 0)
                .Select(p => new PlacementDemandPointSpec(p.Id, p.Lat, p.Lon, p.WeightedDemand, p.RegionIndex, p.StaticRules))];
        }

        if (demand.Count == 0)
        {
            errors.Add(Path, "must list at least one demand point");
        }

        var ids = new IdRegistry("demand point id");
        var points = new List<PlacementDemandPointSpec>();
        for (var i = 0; i < demand.Count; i++)
        {
            var path = JsonPathText.Index(Path, i);
            if (!errors.Require(path, demand[i]))
            {
                continue;
            }

            var point = demand[i];
            var ok = ids.Register(errors, JsonPathText.Member(path, "id"), point.Id);
            ok &= errors.RequireNumber(JsonPathText.Member(path, "weight"), point.Weight, LowerBound.NonNegative);
            var locationPath = JsonPathText.Member(path, "location");
            if (!errors.RequirePoint(locationPath, point.Location))
            {
                continue;
            }

            var (lat, lon) = (point.Location!.Lat, point.Location.Lon);
            var region = network.RegionIndexOf(lat, lon);
            if (region < 0)
            {
                // The region gives the travel time's circuity and speed factor, and the standard.
                errors.Add(locationPath, $"({ValidationErrorSink.Format(lat)}, {ValidationErrorSink.Format(lon)}) is outside every region");
                continue;
            }

            if (ok)
            {
                var rules = network.Rules.Where(r => r.IsStatic && r.ZoneCovers(lat, lon)).Select(r => r.Index).ToArray();
                points.Add(new PlacementDemandPointSpec(point.Id!, lat, lon, point.Weight!.Value, region, rules));
            }
        }

        return points;
    }
}
