using Dispatch.Grains.Replication;
using Dispatch.Solver.Dispatching;
using Dispatch.Grains.Tests.Dispatching;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Grains.Tests.Replication;

public sealed class EngineReplicaTests
{
    private readonly FakeTimeProvider time = new();
    private readonly Guid epoch = Guid.NewGuid();

    [Fact]
    public void TryRecommend_NothingLoaded_DoesNotServe()
    {
        var replica = ReplicaTestData.Replica(time);

        Assert.False(replica.TryRecommend(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All, out _));
    }

    [Fact]
    public void TryRecommend_Loaded_ServesUntilTheLeaseRunsOut()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);

        Assert.True(replica.TryRecommend(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All, out var result));
        Assert.Contains(TwoCenters.NearVan, ReplicaTestData.Offered(result));

        time.Advance(ReplicaTestData.Lease - TimeSpan.FromMilliseconds(1));
        Assert.True(replica.IsServing);
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.False(replica.TryRecommend(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All, out _));
    }

    [Fact]
    public void Renewed_SnapshotOlderThanAnUpdateItRefused_DoesNotServe()
    {
        var replica = ReplicaTestData.Loaded(time, Guid.NewGuid());
        var sentAt = time.GetTimestamp();

        // The dispatcher's next activation tells it of version 5, which it cannot apply; the snapshot of its renewal,
        // taken before that update, arrives after it.
        Assert.False(replica.Apply(ReplicaTestData.Assign(epoch, 4, TwoCenters.NearVan)));
        replica.Renewed(new ReplicaLease(epoch, 4, HasNetwork: true, ReplicaTestData.Network()), sentAt);

        Assert.False(replica.IsServing);
        replica.Renewed(new ReplicaLease(epoch, 5, HasNetwork: true, ReplicaTestData.Network()), time.GetTimestamp());
        Assert.True(replica.IsServing);
    }

    [Fact]
    public void Renewed_AtTheSameVersion_ExtendsTheLeaseFromTheSendTime()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);
        time.Advance(TimeSpan.FromSeconds(2));
        var sentAt = time.GetTimestamp();
        time.Advance(TimeSpan.FromSeconds(1)); // the answer takes a second to come back

        replica.Renewed(new ReplicaLease(epoch, 0, HasNetwork: true, null), sentAt);

        time.Advance(ReplicaTestData.Lease - TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.True(replica.IsServing);
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.False(replica.IsServing);
    }

    [Fact]
    public void Apply_NextUpdate_RecommendationsOnEveryCopySkipTheHeldUnits()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);

        Assert.True(replica.Apply(ReplicaTestData.Assign(epoch, 0, TwoCenters.NearVan, TwoCenters.NearVan2)));

        // Every copy must have it: ask as many times as there are copies, from different threads.
        var offered = Enumerable.Range(0, 8).AsParallel().Select(_ =>
        {
            Assert.True(replica.TryRecommend(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All, out var result));
            return ReplicaTestData.Offered(result);
        }).ToList();
        Assert.All(offered, ids =>
        {
            Assert.DoesNotContain(TwoCenters.NearVan, ids);
            Assert.DoesNotContain(TwoCenters.NearVan2, ids);
            Assert.Contains(TwoCenters.FarVan, ids);
        });
        Assert.Equal((epoch, 1L), replica.Position);
    }

    [Fact]
    public void Apply_UpdateThatSkipsAVersion_RefusesAndStopsServing()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);

        Assert.False(replica.Apply(ReplicaTestData.Assign(epoch, 1, TwoCenters.NearVan)));

        Assert.False(replica.IsServing);
        Assert.Equal((epoch, 0L), replica.Position);
    }

    [Fact]
    public void Apply_UpdateOfAnotherDispatcherActivation_Refuses()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);

        Assert.False(replica.Apply(ReplicaTestData.Assign(Guid.NewGuid(), 0, TwoCenters.NearVan)));
        Assert.False(replica.IsServing);
    }

    [Fact]
    public void Apply_UpdateAlreadyApplied_IsAcceptedAndChangesNothing()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);
        Assert.True(replica.Apply(ReplicaTestData.Assign(epoch, 0, TwoCenters.NearVan)));

        Assert.True(replica.Apply(ReplicaTestData.Assign(epoch, 0, TwoCenters.NearVan)));

        Assert.True(replica.IsServing);
        Assert.Equal((epoch, 1L), replica.Position);
    }

    [Fact]
    public void Renewed_BehindWithoutSnapshot_StopsServing()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);

        replica.Renewed(new ReplicaLease(epoch, 3, HasNetwork: true, null), time.GetTimestamp());

        Assert.False(replica.IsServing);
    }

    [Fact]
    public void Renewed_DispatcherWithoutNetwork_StopsServing()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);

        replica.Renewed(new ReplicaLease(Guid.NewGuid(), 0, HasNetwork: false, null), time.GetTimestamp());

        Assert.False(replica.IsServing);
        Assert.False(replica.TryRegionOf(Places.MidSouth, out _));
    }

    [Fact]
    public void Renewed_OlderSnapshotOfTheSameActivation_DoesNotUndoNewerUpdates()
    {
        var replica = ReplicaTestData.Loaded(time, epoch);
        Assert.True(replica.Apply(ReplicaTestData.Assign(epoch, 0, TwoCenters.NearVan)));

        replica.Renewed(new ReplicaLease(epoch, 0, HasNetwork: true, ReplicaTestData.Network()), time.GetTimestamp());

        Assert.True(replica.TryRecommend(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All, out var result));
        Assert.DoesNotContain(TwoCenters.NearVan, ReplicaTestData.Offered(result));
    }
}
