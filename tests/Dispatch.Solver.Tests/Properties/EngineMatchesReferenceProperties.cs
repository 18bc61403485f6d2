using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Tests.Reference;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>The fast engine answers exactly as the plain reference on random networks
/// (docs/dispatch-semantics.md).</summary>
public sealed class EngineMatchesReferenceProperties
{
    private const int IncidentsPerNetwork = 6;

    [Fact]
    public void Recommend_AllOptionsAndExclusions_EqualsReference()
    {
        PropertyRun.ForEachSeed(nameof(Recommend_AllOptionsAndExclusions_EqualsReference), seed =>
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var engine = DispatchEngine.Create(network.Document);
            var reference = new ReferenceDispatcher(network.Document);
            for (var i = 0; i < IncidentsPerNetwork; i++)
            {
                var incident = random.NextIncident(network);
                var query = i % 2 == 0 ? RecommendationQuery.All : RecommendationQuery.All with { Policy = RankingPolicy.Closest };
                if (Compare(engine, reference, incident, query) is { } difference)
                {
                    return difference;
                }
            }

            return null;
        });
    }

    [Fact]
    public void Recommend_LimitedCounts_FirstOptionsAndExclusionsOfReference()
    {
        PropertyRun.ForEachSeed(nameof(Recommend_LimitedCounts_FirstOptionsAndExclusionsOfReference), seed =>
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var engine = DispatchEngine.Create(network.Document);
            var reference = new ReferenceDispatcher(network.Document);
            for (var i = 0; i < IncidentsPerNetwork; i++)
            {
                var incident = random.NextIncident(network);
                var query = random.NextLimitedQuery();
                if (Compare(engine, reference, incident, query) is { } difference)
                {
                    return difference;
                }
            }

            return null;
        });
    }

    [Fact]
    public void Recommend_OutsideEveryRegion_OutsideServedArea()
    {
        PropertyRun.ForEachSeed(nameof(Recommend_OutsideEveryRegion_OutsideServedArea), seed =>
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var engine = DispatchEngine.Create(network.Document);
            for (var i = 0; i < 3; i++)
            {
                var incident = random.NextIncident(network) with { Location = random.NextOutsidePoint() };
                var result = engine.Recommend(incident, RecommendationQuery.Default);
                if (result.Status != RecommendationStatus.OutsideServedArea || result.Region is not null || result.Recommendation is not null
                    || result.Alternatives.Count > 0 || result.Excluded.Count > 0)
                {
                    return $"{ResultComparer.Describe(incident)}: expected OutsideServedArea with nothing else, got {result.Status} region={result.Region}";
                }

                if (engine.RegionOf(incident.Location) is { } region)
                {
                    return $"RegionOf({incident.Location}) = {region}, expected null";
                }
            }

            return null;
        });
    }

    [Fact]
    public void RegionOf_RandomPoints_FirstRegionInDocumentOrder()
    {
        PropertyRun.ForEachSeed(nameof(RegionOf_RandomPoints_FirstRegionInDocumentOrder), seed =>
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var engine = DispatchEngine.Create(network.Document);
            var reference = new ReferenceDispatcher(network.Document);
            for (var i = 0; i < IncidentsPerNetwork; i++)
            {
                var point = random.NextIncident(network).Location;
                if (engine.RegionOf(point) != reference.RegionOf(point))
                {
                    return $"RegionOf({point}): expected {reference.RegionOf(point) ?? "null"}, actual {engine.RegionOf(point) ?? "null"}";
                }
            }

            return null;
        });
    }

    internal static string? Compare(DispatchEngine engine, ReferenceDispatcher reference, Incident incident, RecommendationQuery query)
    {
        var expected = reference.Recommend(incident, query);
        var actual = engine.Recommend(incident, query);
        return ResultComparer.FirstDifference(expected, actual) is { } difference
            ? $"{ResultComparer.Describe(incident)} query {query}\n{difference}"
            : null;
    }
}
