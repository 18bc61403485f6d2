using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Tests.Reference;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>The engine's incremental coverage index equals coverage computed from scratch after live changes.</summary>
public sealed class CoverageIndexProperties
{
    private const int MutationsPerNetwork = 12;

    [Fact]
    public void CoverageIndex_AfterEachRandomChange_EqualsFromScratch()
    {
        PropertyRun.ForEachSeed(nameof(CoverageIndex_AfterEachRandomChange_EqualsFromScratch), seed =>
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var engine = DispatchEngine.Create(network.Document);
            var reference = new ReferenceDispatcher(network.Document);
            var applied = new List<NetworkMutation>();
            if (CoverageDifference(network, engine, reference) is { } initial)
            {
                return "before any change: " + initial;
            }

            for (var i = 0; i < MutationsPerNetwork; i++)
            {
                var mutation = random.NextMutation(network);
                mutation.ApplyTo(engine);
                mutation.ApplyTo(reference);
                applied.Add(mutation);
                if (CoverageDifference(network, engine, reference) is { } difference)
                {
                    return $"after [{string.Join("; ", applied)}]: {difference}";
                }
            }

            return null;
        });
    }

    [Fact]
    public void Recommend_AfterRandomChanges_EqualsReference()
    {
        PropertyRun.ForEachSeed(nameof(Recommend_AfterRandomChanges_EqualsReference), seed =>
        {
            var random = new RandomNetworks(seed);
            var network = random.NextNetwork();
            var engine = DispatchEngine.Create(network.Document);
            var reference = new ReferenceDispatcher(network.Document);
            var applied = new List<NetworkMutation>();
            for (var i = 0; i < MutationsPerNetwork; i++)
            {
                var mutation = random.NextMutation(network);
                mutation.ApplyTo(engine);
                mutation.ApplyTo(reference);
                applied.Add(mutation);
                if (i % 3 != 2)
                {
                    continue;
                }

                var incident = random.NextIncident(network);
                if (EngineMatchesReferenceProperties.Compare(engine, reference, incident, RecommendationQuery.All) is { } difference)
                {
                    return $"after [{string.Join("; ", applied)}]: {difference}";
                }
            }

            return null;
        });
    }

    private static string? CoverageDifference(GeneratedNetwork network, DispatchEngine engine, ReferenceDispatcher reference)
    {
        var expectedLosses = reference.AllCoverageLosses();
        foreach (var resource in network.Resources)
        {
            var expected = expectedLosses[resource.Id!];
            var actual = engine.CoverageLoss(resource.Id!);
            if (!ResultComparer.Close(expected, actual))
            {
                return $"CoverageLoss({resource.Id}): expected {expected:R}, actual {actual:R}";
            }
        }

        var expectedCounts = reference.AllCoverCounts();
        foreach (var coverageClass in network.CoverageClasses)
        {
            foreach (var point in network.DemandPointIds)
            {
                var expected = expectedCounts.GetValueOrDefault((coverageClass, point));
                var actual = engine.CoverCount(coverageClass, point);
                if (expected != actual)
                {
                    return $"CoverCount({coverageClass}, {point}): expected {expected}, actual {actual}";
                }
            }
        }

        return null;
    }
}
