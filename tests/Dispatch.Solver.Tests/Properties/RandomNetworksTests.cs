using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Tests.Reference;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>The generator is deterministic, its networks survive the JSON round trip, and over the property
/// seeds it reaches every case of docs/dispatch-semantics.md the properties are meant to hold (so they cannot pass
/// vacuously).</summary>
public sealed class RandomNetworksTests
{
    [Fact]
    public void Generate_SameSeed_SameDocument()
    {
        Assert.Equal(DocumentJson.Write(RandomNetworks.Generate(42).Document), DocumentJson.Write(RandomNetworks.Generate(42).Document));
        Assert.NotEqual(DocumentJson.Write(RandomNetworks.Generate(42).Document), DocumentJson.Write(RandomNetworks.Generate(43).Document));
    }

    [Fact]
    public void Generate_PropertySeeds_PassValidation()
    {
        foreach (var seed in Enumerable.Range(PropertyRun.FirstSeed, PropertyRun.NetworkCount))
        {
            var network = RandomNetworks.Generate(seed);
            var assigned = network.Resources.Where(r => r.Status == "assigned").Select(r => r.Id!).ToHashSet(StringComparer.Ordinal);

            var errors = NetworkValidator.Validate(network.Document, assigned);

            Assert.True(errors.Count == 0, $"{network}: {string.Join("; ", errors.Select(e => e.Path + ": " + e.Message))}");
        }
    }

    [Fact]
    public void Generate_JsonRoundTrip_SameReferenceAnswers()
    {
        for (var seed = PropertyRun.FirstSeed; seed < PropertyRun.FirstSeed + 100; seed++)
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var original = new ReferenceDispatcher(network.Document);
            var reparsed = new ReferenceDispatcher(DocumentJson.ParseNetwork(DocumentJson.Write(network.Document)));
            var incident = random.NextIncident(network);

            Assert.Null(ResultComparer.FirstDifference(original.Recommend(incident, RecommendationQuery.All), reparsed.Recommend(incident, RecommendationQuery.All)));
        }
    }

    [Fact]
    public void Generate_PropertySeeds_ReachEveryCase()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in Enumerable.Range(PropertyRun.FirstSeed, PropertyRun.NetworkCount))
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var reference = new ReferenceDispatcher(network.Document);
            var windowed = network.Document.Rules!.Where(r => r.Window is not null).Select(r => r.Id!).ToHashSet(StringComparer.Ordinal);
            if (network.Document.Regions!.Count > 1 && network.RegionShapes.Any(s => s.Corners.Count == 3))
            {
                seen.Add("triangle region");
            }

            if (network.Resources.Count() > 40)
            {
                seen.Add("large network");
            }

            for (var i = 0; i < 6; i++)
            {
                var incident = random.NextIncident(network);
                var result = reference.Recommend(incident, RecommendationQuery.All);
                if (network.RegionShapes.Any(r => IsOnRectangleEdge(r, incident.Location)))
                {
                    seen.Add("on a region edge");
                }

                if (network.ZoneShapes.Any(z => IsOnRectangleEdge(z, incident.Location)))
                {
                    seen.Add("on a zone edge");
                }
                seen.Add("status " + result.Status);
                foreach (var excluded in result.Excluded)
                {
                    var colon = excluded.Reason.IndexOf(':', StringComparison.Ordinal);
                    seen.Add("reason " + (colon < 0 ? excluded.Reason : excluded.Reason[..colon]));
                    if (colon >= 0 && windowed.Contains(excluded.Reason[(colon + 1)..]))
                    {
                        seen.Add("windowed rule bars");
                    }
                }

                var options = ResultComparer.Options(result);
                NoteOptionCases(options, seen);
                var closest = ResultComparer.Options(reference.Recommend(incident, RecommendationQuery.All with { Policy = RankingPolicy.Closest }));
                if (!options.Select(o => o.ResourceId + o.Mode).SequenceEqual(closest.Select(o => o.ResourceId + o.Mode)))
                {
                    seen.Add("closest differs");
                }
            }

            NoteCoverageCases(network, reference, seen);
        }

        string[] expected =
        [
            "triangle region", "status Recommended", "status Unassignable", "status OutsideServedArea",
            "reason not_available", "reason cannot_serve_fault", "reason ev_requires_flatbed", "reason part_spec_unknown",
            "reason part_out_of_stock", "reason rule_denied", "reason partner_only", "reason outside_service_radius", "windowed rule bars",
            "cross-region penalty", "partner penalty", "coverage penalty", "part", "score tie broken by id", "score tie broken by eta",
            "score tie broken by mode", "closest differs", "lone cover", "shared cover", "large network", "on a region edge", "on a zone edge",
        ];
        Assert.Empty(expected.Except(seen));
    }

    private static bool IsOnRectangleEdge(RandomShape shape, GeoPoint point)
    {
        if (shape.Corners.Count != 4)
        {
            return false;
        }

        var (west, south) = shape.Corners[0];
        var (east, north) = shape.Corners[2];
        var withinLon = point.Lon >= west && point.Lon <= east;
        var withinLat = point.Lat >= south && point.Lat <= north;
        return (withinLon && (point.Lat == south || point.Lat == north)) || (withinLat && (point.Lon == west || point.Lon == east));
    }

    private static void NoteOptionCases(List<DispatchOption> options, HashSet<string> seen)
    {
        foreach (var o in options)
        {
            if (o.Breakdown.CrossRegionPenaltyMin > 0)
            {
                seen.Add("cross-region penalty");
            }

            if (o.Breakdown.PartnerPenaltyMin > 0)
            {
                seen.Add("partner penalty");
            }

            if (o.Breakdown.CoveragePenaltyMin > 0)
            {
                seen.Add("coverage penalty");
            }

            if (o.Part is not null)
            {
                seen.Add("part");
            }
        }

        for (var i = 1; i < options.Count; i++)
        {
            var (a, b) = (options[i - 1], options[i]);
            if (a.Score != b.Score)
            {
                continue;
            }

            seen.Add(a.EtaMin != b.EtaMin ? "score tie broken by eta" : a.ResourceId != b.ResourceId ? "score tie broken by id" : "score tie broken by mode");
        }
    }

    private static void NoteCoverageCases(GeneratedNetwork network, ReferenceDispatcher reference, HashSet<string> seen)
    {
        foreach (var count in reference.AllCoverCounts().Values)
        {
            seen.Add(count == 1 ? "lone cover" : "shared cover");
        }
    }
}
