using Dispatch.Grains.Centers;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>Completing and releasing through the dispatcher: the center and the index must agree afterwards.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DispatcherEndTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CompleteAsync_ConsumesPartAndFreesUnitWhereTheJobEnded()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 2);
        var incidentId = TestIncidents.NewId();
        var held = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");
        var jobEnd = Places.North(Places.MidSouth, 5);

        var done = await net.Dispatcher.CompleteAsync(incidentId, jobEnd, null);

        Assert.Equal(held.Reservation, done);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Empty(center.Reservations);
        Assert.Equal(new StockSnapshot(1, 0), center.Stock[TestIncidents.Tyre]);
        Assert.Equal(new ResourceSnapshot(TwoCenters.NearVan, "service_van", ResourceStatusNames.Available, jobEnd.Lat, jobEnd.Lon),
            center.Resources.Single(r => r.Id == TwoCenters.NearVan));

        // The index moved the van too: it is now 5 km from the incident instead of 10.
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.NearVan, next?.Recommendation?.ResourceId);
        Assert.Equal(5, next!.Recommendation!.EtaMin, 6);
        Assert.Empty(await net.Dispatcher.GetReservationsAsync());
    }

    [Fact]
    public async Task ReleaseAsync_ReturnsPartAndFreesUnit()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);
        var incidentId = TestIncidents.NewId();
        var held = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");

        var released = await net.Dispatcher.ReleaseAsync(incidentId, null);

        Assert.Equal(held.Reservation, released);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Empty(center.Reservations);
        Assert.Equal(new StockSnapshot(1, 0), center.Stock[TestIncidents.Tyre]);
        Assert.All(center.Resources, r => Assert.Equal(ResourceStatusNames.Available, r.Status));
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.NearVan, next?.Recommendation?.ResourceId);
        Assert.Equal(TestIncidents.Tyre, next!.Recommendation!.Part);
    }

    [Fact]
    public async Task CompleteAsync_Twice_SecondIsNoOp()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 2);
        var incidentId = TestIncidents.NewId();
        await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");
        await net.Dispatcher.CompleteAsync(incidentId, Places.MidSouth, null);

        Assert.Null(await net.Dispatcher.CompleteAsync(incidentId, Places.MidSouth, null));
        Assert.Null(await net.Dispatcher.ReleaseAsync(incidentId, null));

        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Equal(new StockSnapshot(1, 0), center.Stock[TestIncidents.Tyre]);
        var network = await net.Dispatcher.GetNetworkAsync();
        var stock = network!.Centers!.Single(c => c.Id == net.Near).Stock![TestIncidents.Tyre];
        Assert.Equal((1d, 0d), (stock.OnHand, stock.Reserved));
    }
}
