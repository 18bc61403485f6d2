using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Networks;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>Replacing the network and the operator's commands routed through the dispatcher.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DispatcherNetworkTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ReplaceNetworkAsync_ValidDocument_StoresItAndConfiguresEveryCenter()
    {
        var network = TwoCenters.Document(tyres: 3);
        var dispatcher = fixture.Grains.GetGrain<IDispatcherGrain>(network.Key);

        var change = await dispatcher.ReplaceNetworkAsync(network.Build());

        Assert.Equal(NetworkChangeStatus.Accepted, change.Status);
        Assert.Empty(change.Errors);
        Assert.Equal(change.Version, (await fixture.Grains.GetGrain<INetworkGrain>(network.Key).GetAsync()).Version);
        var near = await fixture.Grains.GetGrain<IServiceCenterGrain>(network.CenterId("near")).GetAsync();
        Assert.Equal(change.Version, near.NetworkVersion);
        Assert.Equal([TwoCenters.NearFlatbed, TwoCenters.NearVan, TwoCenters.NearVan2], near.Resources.Select(r => r.Id));
        Assert.All(near.Resources, r => Assert.Equal((TwoCenters.NearLocation.Lat, TwoCenters.NearLocation.Lon), (r.Lat, r.Lon)));
        Assert.Equal(new StockSnapshot(3, 0), near.Stock[TestIncidents.Tyre]);
    }

    [Fact]
    public async Task ReplaceNetworkAsync_InvalidDocument_InvalidAndNothingChanges()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var version = (await fixture.Grains.GetGrain<INetworkGrain>(net.Network.Key).GetAsync()).Version;
        var invalid = net.Network.KeyedCenter("lost", Places.Nowhere, 0, ("fb-lost", "flatbed")).Build();

        var change = await net.Dispatcher.ReplaceNetworkAsync(invalid);

        Assert.Equal(NetworkChangeStatus.Invalid, change.Status);
        Assert.NotEmpty(change.Errors);
        Assert.Equal(version, (await fixture.Grains.GetGrain<INetworkGrain>(net.Network.Key).GetAsync()).Version);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Network.CenterId("lost")).GetAsync()).NetworkVersion);
        Assert.DoesNotContain((await net.Dispatcher.GetNetworkAsync())!.Centers!, c => c.Id == net.Network.CenterId("lost"));
    }

    [Fact]
    public async Task ReplaceNetworkAsync_DropsAHeldUnit_ConflictAndNothingChanges()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var held = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), TwoCenters.NearFlatbed, null);
        var document = (await net.Dispatcher.GetNetworkAsync())!;
        var withoutFlatbed = document with
        {
            Centers = [.. document.Centers!.Select(c => c.Id == net.Near ? c with { Resources = [.. c.Resources!.Where(r => r.Id != TwoCenters.NearFlatbed)] } : c)],
        };

        var change = await net.Dispatcher.ReplaceNetworkAsync(withoutFlatbed);

        Assert.Equal(NetworkChangeStatus.Conflict, change.Status);
        Assert.All(change.Errors, e => Assert.True(e.IsConflict));
        var near = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Contains(near.Resources, r => r.Id == TwoCenters.NearFlatbed && r.Status == ResourceStatusNames.Assigned);
        Assert.Equal(held.Reservation, Assert.Single(near.Reservations));
    }

    [Fact]
    public async Task ReplaceNetworkAsync_DocumentFromGetPutBack_AcceptedWithHoldsKept()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 2);
        var held = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");
        var document = (await net.Dispatcher.GetNetworkAsync())!;

        var change = await net.Dispatcher.ReplaceNetworkAsync(document);

        Assert.Equal(NetworkChangeStatus.Accepted, change.Status);
        var near = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Equal(held.Reservation, Assert.Single(near.Reservations));
        Assert.Equal(new StockSnapshot(2, 1), near.Stock[TestIncidents.Tyre]);
        Assert.Equal(ResourceStatusNames.Assigned, near.Resources.Single(r => r.Id == TwoCenters.NearVan).Status);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All);
        Assert.Contains(new ExcludedResource(TwoCenters.NearVan, net.Near, ReasonCodes.NotAvailable), next!.Excluded);
    }

    [Fact]
    public async Task ReplaceNetworkAsync_CenterLeaves_CenterGrainForgetsIt()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var document = (await net.Dispatcher.GetNetworkAsync())!;

        var change = await net.Dispatcher.ReplaceNetworkAsync(document with { Centers = [.. document.Centers!.Where(c => c.Id != net.Far)] });

        Assert.Equal(NetworkChangeStatus.Accepted, change.Status);
        var far = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Far).GetAsync();
        Assert.Equal(0, far.NetworkVersion);
        Assert.Empty(far.Resources);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.All);
        Assert.DoesNotContain(next!.Alternatives.Prepend(next.Recommendation!), o => o.CenterId == net.Far);
    }

    [Fact]
    public async Task GetNetworkAsync_AfterDispatch_ShowsLiveStatusAndReservedStock()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 2);
        await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");

        var near = (await net.Dispatcher.GetNetworkAsync())!.Centers!.Single(c => c.Id == net.Near);

        Assert.Equal(ResourceStatusNames.Assigned, near.Resources!.Single(r => r.Id == TwoCenters.NearVan).Status);
        Assert.Equal(ResourceStatusNames.Available, near.Resources!.Single(r => r.Id == TwoCenters.NearFlatbed).Status);
        Assert.Equal((2d, 1d), (near.Stock![TestIncidents.Tyre].OnHand, near.Stock[TestIncidents.Tyre].Reserved));
    }

    [Fact]
    public async Task SetResourceStatusAsync_Offline_CenterAndIndexAgree()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var result = await net.Dispatcher.SetResourceStatusAsync(TwoCenters.NearFlatbed, ResourceStatus.Offline);

        Assert.True(result.Succeeded);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Equal(ResourceStatusNames.Offline, center.Resources.Single(r => r.Id == TwoCenters.NearFlatbed).Status);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.FarFlatbed, next?.Recommendation?.ResourceId);
    }

    [Fact]
    public async Task SetResourceStatusAsync_AssignedUnit_Conflict()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), TwoCenters.NearFlatbed, null);

        var result = await net.Dispatcher.SetResourceStatusAsync(TwoCenters.NearFlatbed, ResourceStatus.Available);

        Assert.Equal(CommandError.Conflict, result.Error);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.FarFlatbed, next?.Recommendation?.ResourceId);
    }

    [Fact]
    public async Task SetResourceStatusAsync_UnknownResource_NotFound()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var result = await net.Dispatcher.SetResourceStatusAsync("fb-nowhere", ResourceStatus.Offline);

        Assert.Equal(CommandError.NotFound, result.Error);
    }

    [Fact]
    public async Task SetResourcePositionAsync_MovesUnitInCenterAndIndex()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var closer = Places.North(Places.MidSouth, 2);

        var result = await net.Dispatcher.SetResourcePositionAsync(TwoCenters.FarFlatbed, closer);

        Assert.True(result.Succeeded);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.FarFlatbed, next?.Recommendation?.ResourceId);
        Assert.Equal(2, next!.Recommendation!.EtaMin, 6);
    }

    [Fact]
    public async Task AdjustStockAsync_BelowReserved_ConflictAndIndexUnchanged()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);
        await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");

        var refused = await net.Dispatcher.AdjustStockAsync(net.Near, TestIncidents.Tyre, -1);
        var added = await net.Dispatcher.AdjustStockAsync(net.Near, TestIncidents.Tyre, 1);

        Assert.Equal(CommandError.Conflict, refused.Error);
        Assert.Equal(new StockSnapshot(2, 1), added.Value);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All);
        Assert.Contains(next!.Alternatives.Prepend(next.Recommendation!), o => o.ResourceId == TwoCenters.NearVan2 && o.Part == TestIncidents.Tyre);
    }

    [Fact]
    public async Task AdjustStockAsync_UnknownCenter_NotFound()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var result = await net.Dispatcher.AdjustStockAsync(net.Network.CenterId("nowhere"), TestIncidents.Tyre, 1);

        Assert.Equal(CommandError.NotFound, result.Error);
    }
}
