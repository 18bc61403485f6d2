using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Reference;

internal sealed partial class ReferenceDispatcher
{
    /// <summary>Every option and every exclusion, ranked as docs/dispatch-semantics.md "Score" says, cut to the query's
    /// counts.</summary>
    public RecommendationResult Recommend(Incident incident, RecommendationQuery query)
    {
        if (RegionIndexOf(incident.Location) is not { } incidentRegion)
        {
            return RecommendationResult.OutsideServedArea(0);
        }

        var losses = AllCoverageLosses();
        var options = new List<(DispatchOption Option, int ModeIndex)>();
        var excluded = new List<(ExcludedResource Excluded, double DistanceKm)>();
        foreach (var resource in resources)
        {
            var (offered, reason) = Evaluate(resource, incident);
            if (reason is not null)
            {
                excluded.Add((new ExcludedResource(resource.Id, resource.Center.Id!, reason), ReferenceGeodesy.HaversineKm(resource.Position, incident.Location)));
                continue;
            }

            foreach (var outcome in offered)
            {
                options.Add((BuildOption(resource, outcome, incident, incidentRegion, losses[resource.Id]), outcome.ModeIndex));
            }
        }

        options.Sort(query.Policy == RankingPolicy.Closest ? CompareClosest : CompareByScore);
        excluded.Sort((x, y) =>
        {
            var byDistance = x.DistanceKm.CompareTo(y.DistanceKm);
            return byDistance != 0 ? byDistance : string.CompareOrdinal(x.Excluded.ResourceId, y.Excluded.ResourceId);
        });

        var shown = options.Take(query.Options ?? int.MaxValue).Select(o => o.Option).ToList();
        return new RecommendationResult(
            regions[incidentRegion].Region.Code,
            options.Count == 0 ? RecommendationStatus.Unassignable : RecommendationStatus.Recommended,
            shown.FirstOrDefault(),
            shown.Skip(1).ToList(),
            excluded.Take(query.Excluded ?? int.MaxValue).Select(e => e.Excluded).ToList(),
            0,
            regions[incidentRegion].Region.CoverageStandardMin);
    }

    private DispatchOption BuildOption(ReferenceResource resource, ModeOutcome outcome, Incident incident, int incidentRegion, double loss)
    {
        var eta = EtaMin(resource, incident.Location, regions[incidentRegion].Region);
        var modePenalty = outcome.Mode.PenaltyMin ?? 0;
        var centerRegion = RegionIndexOf(resource.Center.Location!);
        var crossRegion = centerRegion != incidentRegion ? parameters.CrossRegionPenaltyMin!.Value : 0;
        var partner = resource.IsPartner ? parameters.PartnerPenaltyMin!.Value : 0;
        var coveragePenalty = parameters.CoverageLambda!.Value * parameters.PriorityCoverageFactor![incident.Priority] * loss;
        var score = eta + modePenalty + crossRegion + partner + coveragePenalty;
        return new DispatchOption(
            resource.Id,
            resource.Type,
            resource.Center.Id!,
            resource.Center.Kind!,
            outcome.Mode.Mode!,
            outcome.Sku,
            eta,
            score,
            new OptionBreakdown(eta, modePenalty, crossRegion, partner, loss, coveragePenalty),
            eta <= regions[incidentRegion].Region.CoverageStandardMin!.Value);
    }

    private static int CompareByScore((DispatchOption Option, int ModeIndex) x, (DispatchOption Option, int ModeIndex) y)
    {
        var byScore = x.Option.Score.CompareTo(y.Option.Score);
        return byScore != 0 ? byScore : CompareClosest(x, y);
    }

    private static int CompareClosest((DispatchOption Option, int ModeIndex) x, (DispatchOption Option, int ModeIndex) y)
    {
        var byEta = x.Option.EtaMin.CompareTo(y.Option.EtaMin);
        if (byEta != 0)
        {
            return byEta;
        }

        var byId = string.CompareOrdinal(x.Option.ResourceId, y.Option.ResourceId);
        return byId != 0 ? byId : x.ModeIndex.CompareTo(y.ModeIndex);
    }
}
