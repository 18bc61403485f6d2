using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Networks;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>The center is the authority: holds made or ended behind the dispatcher's back are adopted, followed and
/// ended at the center that has them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DispatcherReservationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DispatchAsync_IncidentAlreadyHoldsAnotherUnit_AdoptsThatHold()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 2);
        var incidentId = TestIncidents.NewId();

        // An earlier attempt whose answer was lost: the center holds van 2 for the incident, the dispatcher never heard.
        var earlier = await Near(net).ReserveAsync(new ReserveRequest(incidentId, TwoCenters.NearVan2, "onsite", TestIncidents.Tyre, 10));
        var decision = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");

        Assert.Equal(DispatchStatus.Dispatched, decision.Status);
        Assert.Equal(earlier.Reservation, decision.Reservation);
        Assert.Equal(earlier.Reservation, await net.Dispatcher.GetReservationAsync(incidentId));
        var center = await Near(net).GetAsync();
        Assert.Equal(earlier.Reservation, Assert.Single(center.Reservations));
        Assert.Equal(new StockSnapshot(2, 1), center.Stock[TestIncidents.Tyre]);

        // The index follows the center: van 1 is free again, van 2 is held, one tyre is left.
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All);
        Assert.Equal(TwoCenters.NearVan, next?.Recommendation?.ResourceId);
        Assert.Contains(new ExcludedResource(TwoCenters.NearVan2, net.Near, ReasonCodes.NotAvailable), next!.Excluded);
    }

    [Fact]
    public async Task DispatchAsync_CenterRefusesForLackOfParts_IndexTakesTheCentersStock()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);

        // The last tyre written off at the center; the dispatcher still counts it.
        Assert.True((await Near(net).AdjustStockAsync(TestIncidents.Tyre, -1)).Succeeded);
        var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");

        Assert.Equal(DispatchStatus.Conflict, decision.Status);
        Assert.Contains(nameof(ReserveStatus.PartOutOfStock), decision.Detail, StringComparison.Ordinal);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All);
        Assert.Contains(new ExcludedResource(TwoCenters.NearVan, net.Near, ReasonCodes.PartOutOfStock), next!.Excluded);
        Assert.Contains(new ExcludedResource(TwoCenters.NearVan2, net.Near, ReasonCodes.PartOutOfStock), next.Excluded);
        Assert.Empty(await net.Dispatcher.GetReservationsAsync());
    }

    [Fact]
    public async Task CompleteAsync_DispatcherLacksTheHold_CommitsAtTheRecordedCenter()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 2);
        var incidentId = TestIncidents.NewId();
        var ghost = (await Near(net).ReserveAsync(new ReserveRequest(incidentId, TwoCenters.NearVan, "onsite", TestIncidents.Tyre, 10))).Reservation!;
        var jobEnd = Places.North(Places.MidSouth, 5);

        var done = await net.Dispatcher.CompleteAsync(incidentId, jobEnd, RecordedAssignment.Of(ghost));

        Assert.Equal(ghost, done);
        var center = await Near(net).GetAsync();
        Assert.Empty(center.Reservations);
        Assert.Equal(new StockSnapshot(1, 0), center.Stock[TestIncidents.Tyre]);
        Assert.Equal(new ResourceSnapshot(TwoCenters.NearVan, "service_van", ResourceStatusNames.Available, jobEnd.Lat, jobEnd.Lon),
            center.Resources.Single(r => r.Id == TwoCenters.NearVan));
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.NearVan, next?.Recommendation?.ResourceId);
        Assert.Equal(5, next!.Recommendation!.EtaMin, 6);
    }

    [Fact]
    public async Task ReleaseAsync_DispatcherLostTheHoldAfterReactivation_ReleasesAtTheRecordedCenter()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);
        var incidentId = TestIncidents.NewId();
        var held = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");
        await fixture.Cluster.DeactivateAsync(net.Dispatcher);

        // The center's record was lost and written back after the dispatcher rebuilt its index without it.
        await Near(net).ReleaseAsync(incidentId);
        await net.Dispatcher.GetReservationsAsync();
        await Near(net).ReserveAsync(new ReserveRequest(incidentId, TwoCenters.NearVan, "onsite", TestIncidents.Tyre, held.Reservation!.EtaMin));
        Assert.Null(await net.Dispatcher.GetReservationAsync(incidentId));

        var released = await net.Dispatcher.ReleaseAsync(incidentId, RecordedAssignment.Of(held.Reservation));

        Assert.Equal(TwoCenters.NearVan, released?.ResourceId);
        var center = await Near(net).GetAsync();
        Assert.Empty(center.Reservations);
        Assert.Equal(new StockSnapshot(1, 0), center.Stock[TestIncidents.Tyre]);
        Assert.All(center.Resources, r => Assert.Equal(ResourceStatusNames.Available, r.Status));
        Assert.Empty(await net.Dispatcher.GetReservationsAsync());
    }

    [Fact]
    public async Task ReleaseAsync_NothingKnownAndNothingRecorded_NoOp()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        Assert.Null(await net.Dispatcher.ReleaseAsync(TestIncidents.NewId(), null));
    }

    private IServiceCenterGrain Near(TwoCenters net) => fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near);
}
