using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Dispatching;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Replication;

/// <summary>The promise of docs/architecture.md "Recommendation replicas": once a write is answered, the next
/// recommendation on any silo sees it, even while other recommendations race against it.</summary>
public sealed class ReadYourWritesTests(ReplicaClusterFixture fixture) : IClassFixture<ReplicaClusterFixture>
{
    private static readonly Incident FlatTire = TestIncidents.FlatTire(Places.MidSouth);

    [Fact]
    public async Task Recommend_RightAfterEachDispatchAndRelease_OnBothSilos_SeesIt()
    {
        Assert.Equal(NetworkChangeStatus.Accepted, (await fixture.Dispatcher.ReplaceNetworkAsync(ReplicaTestData.Network())).Status);
        await fixture.UntilEveryReplicaServesAsync();
        var silos = fixture.Silos;
        Assert.Equal(2, silos.Count);
        var servedBefore = silos.Select(s => s.Recommender.Served.Replica).ToList();

        // Readers on both silos keep asking while the writes go on, so that reads and updates meet on the copies.
        using var stop = new CancellationTokenSource();
        var readers = silos.SelectMany(s => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await s.Recommender.RecommendAsync(FlatTire, RecommendationQuery.All);
            }
        }))).ToList();

        for (var round = 0; round < 25; round++)
        {
            var incidentId = TestIncidents.NewId();
            var decision = await fixture.Dispatcher.DispatchAsync(incidentId, FlatTire, null, null);
            Assert.Equal(DispatchStatus.Dispatched, decision.Status);
            var unit = decision.Reservation!.ResourceId;
            foreach (var silo in silos)
            {
                var offered = ReplicaTestData.Offered(await silo.Recommender.RecommendAsync(FlatTire, RecommendationQuery.All));
                Assert.DoesNotContain(unit, offered);
            }

            Assert.NotNull(await fixture.Dispatcher.ReleaseAsync(incidentId, null));
            foreach (var silo in silos)
            {
                var offered = ReplicaTestData.Offered(await silo.Recommender.RecommendAsync(FlatTire, RecommendationQuery.All));
                Assert.Contains(unit, offered);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        // The reads above were the replicas' own, not the dispatcher's: otherwise this proves nothing about them.
        for (var i = 0; i < silos.Count; i++)
        {
            Assert.True(silos[i].Recommender.Served.Replica - servedBefore[i] >= 50, $"silo {i} answered only {silos[i].Recommender.Served.Replica - servedBefore[i]} from its replica");
        }
    }

    [Fact]
    public async Task Recommend_RightAfterANetworkReplace_OnBothSilos_SeesTheNewNetwork()
    {
        await fixture.Dispatcher.ReplaceNetworkAsync(ReplicaTestData.Network());
        await fixture.UntilEveryReplicaServesAsync();

        var without = TwoCenters.Document().Build() with
        {
            Centers = [.. TwoCenters.Document().Build().Centers!.Where(c => !c.Id!.EndsWith("near", StringComparison.Ordinal))],
        };
        Assert.Equal(NetworkChangeStatus.Accepted, (await fixture.Dispatcher.ReplaceNetworkAsync(without)).Status);

        foreach (var silo in fixture.Silos)
        {
            var offered = ReplicaTestData.Offered(await silo.Recommender.RecommendAsync(FlatTire, RecommendationQuery.All));
            Assert.DoesNotContain(TwoCenters.NearVan, offered);
            Assert.Contains(TwoCenters.FarVan, offered);
        }
    }
}
