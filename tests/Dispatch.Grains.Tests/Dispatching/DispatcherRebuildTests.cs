using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>The dispatcher keeps nothing of its own: after deactivation it must rebuild its index from storage.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DispatcherRebuildTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Reactivation_AfterDispatch_RebuildsHoldsAndAvailabilityFromCenters()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);
        var tow = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);
        var van = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");
        var before = await net.Dispatcher.GetReservationsAsync();

        await fixture.Cluster.DeactivateAsync(net.Dispatcher);

        var after = await net.Dispatcher.GetReservationsAsync();
        Assert.Equal(before.ToArray(), after.ToArray());
        Assert.Equal(2, after.Length);
        Assert.Contains(tow.Reservation, after);
        Assert.Contains(van.Reservation, after);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All);
        Assert.Contains(new ExcludedResource(TwoCenters.NearFlatbed, net.Near, ReasonCodes.NotAvailable), next!.Excluded);
        Assert.Contains(new ExcludedResource(TwoCenters.NearVan, net.Near, ReasonCodes.NotAvailable), next.Excluded);
        Assert.Contains(new ExcludedResource(TwoCenters.NearVan2, net.Near, ReasonCodes.PartOutOfStock), next.Excluded);
    }

    [Fact]
    public async Task Reactivation_AfterDeactivation_HeldIncidentStillEndsThroughTheDispatcher()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);
        var incidentId = TestIncidents.NewId();
        var held = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");
        await fixture.Cluster.DeactivateAsync(net.Dispatcher);

        var again = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.FlatTire(Places.MidSouth), null, null);
        var released = await net.Dispatcher.ReleaseAsync(incidentId, null);

        Assert.Equal(held.Reservation, again.Reservation);
        Assert.Equal(held.Reservation, released);
        Assert.Equal(new StockSnapshot(1, 0), (await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync()).Stock[TestIncidents.Tyre]);
    }

    [Fact]
    public async Task Reactivation_CenterChangedMeanwhile_IndexFollowsTheCenter()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var near = fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near);
        await near.SetStatusAsync(TwoCenters.NearFlatbed, ResourceStatus.Offline);

        await fixture.Cluster.DeactivateAsync(net.Dispatcher);

        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.FarFlatbed, next?.Recommendation?.ResourceId);
        Assert.Contains(new ExcludedResource(TwoCenters.NearFlatbed, net.Near, ReasonCodes.NotAvailable), next!.Excluded);
    }

    [Fact]
    public async Task Reactivation_CenterMissedTheLastNetworkChange_CenterIsConfiguredAgain()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);
        var near = fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near);
        var configured = await near.GetAsync();

        // As if the host stopped after storing the document and before this center heard of it.
        await near.ConfigureAsync(new CenterConfiguration(0, [], System.Collections.Immutable.ImmutableDictionary<string, StockSnapshot>.Empty));
        await fixture.Cluster.DeactivateAsync(net.Dispatcher);

        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.NearFlatbed, next?.Recommendation?.ResourceId);
        var repaired = await near.GetAsync();
        Assert.Equal(configured.NetworkVersion, repaired.NetworkVersion);
        Assert.Equal(configured.Resources.ToArray(), repaired.Resources.ToArray());
        Assert.Equal(configured.Stock, repaired.Stock);
    }

    [Fact]
    public async Task Reactivation_NoNetworkEverLoaded_RecommendsNothing()
    {
        var dispatcher = fixture.Grains.GetGrain<IDispatcherGrain>(GrainsNetwork.Create().Key);

        Assert.Null(await dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default));
        Assert.Equal(DispatchStatus.NoNetwork, (await dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null)).Status);
        Assert.Null(await dispatcher.GetNetworkAsync());
    }
}
