using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

[Collection(ClusterCollection.Name)]
public sealed class DispatcherDispatchTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RecommendAsync_LoadedNetwork_RecommendsNearestUnit()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var result = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);

        Assert.NotNull(result);
        Assert.Equal(RecommendationStatus.Recommended, result.Status);
        Assert.Equal(NetworkBuilder.SouthRegion, result.Region);
        Assert.Equal(TwoCenters.NearFlatbed, result.Recommendation?.ResourceId);
        Assert.Equal(net.Near, result.Recommendation?.CenterId);
        Assert.Equal(10, result.Recommendation!.EtaMin, 6);
        Assert.Equal(TwoCenters.FarFlatbed, Assert.Single(result.Alternatives).ResourceId);
    }

    [Fact]
    public async Task DispatchAsync_Best_ReservesThroughTheCenterGrain()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var incidentId = TestIncidents.NewId();

        var decision = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), null, null);

        Assert.Equal(DispatchStatus.Dispatched, decision.Status);
        Assert.Equal(TwoCenters.NearFlatbed, decision.Option?.ResourceId);
        Assert.Equal(new Reservation(incidentId, net.Near, TwoCenters.NearFlatbed, "tow", null, fixture.Now, decision.Option!.EtaMin), decision.Reservation);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Equal(decision.Reservation, Assert.Single(center.Reservations));
        Assert.Equal(ResourceStatusNames.Assigned, center.Resources.Single(r => r.Id == TwoCenters.NearFlatbed).Status);
        Assert.Equal(decision.Reservation, await net.Dispatcher.GetReservationAsync(incidentId));
    }

    [Fact]
    public async Task DispatchAsync_ThenRecommend_NextRecommendationSeesTheHold()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);

        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);

        Assert.Equal(TwoCenters.FarFlatbed, next?.Recommendation?.ResourceId);
        Assert.Empty(next!.Alternatives);
        Assert.Contains(new ExcludedResource(TwoCenters.NearFlatbed, net.Near, ReasonCodes.NotAvailable), next.Excluded);
    }

    [Fact]
    public async Task DispatchAsync_SameIncidentAgain_ReturnsTheSameAssignment()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var incidentId = TestIncidents.NewId();
        var first = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), null, null);

        var again = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), null, null);
        var named = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), TwoCenters.NearFlatbed, "tow");

        Assert.Equal(DispatchStatus.Dispatched, again.Status);
        Assert.Equal(first.Reservation, again.Reservation);
        Assert.Equal(first.Reservation, named.Reservation);
        Assert.Single(await net.Dispatcher.GetReservationsAsync());
        var far = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Far).GetAsync();
        Assert.Empty(far.Reservations);
    }

    [Fact]
    public async Task DispatchAsync_SameIncidentAsksForAnotherUnit_ConflictKeepsTheHold()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var incidentId = TestIncidents.NewId();
        var first = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), null, null);

        var other = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), TwoCenters.FarFlatbed, null);

        Assert.Equal(DispatchStatus.Conflict, other.Status);
        Assert.Equal(first.Reservation, other.Reservation);
        Assert.Empty((await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Far).GetAsync()).Reservations);
    }

    [Fact]
    public async Task DispatchAsync_NamedUnitHeldByAnotherIncident_ConflictWithFreshRecommendation()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), TwoCenters.NearFlatbed, null);

        var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), TwoCenters.NearFlatbed, null);

        Assert.Equal(DispatchStatus.Conflict, decision.Status);
        Assert.Null(decision.Reservation);
        Assert.Equal(TwoCenters.FarFlatbed, decision.Recommendation?.Recommendation?.ResourceId);
    }

    [Fact]
    public async Task DispatchAsync_UnitTakenOfflineAtTheCenter_CenterRefusesAndDispatcherOffersWhatIsFree()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        // The center is the authority: a change the dispatcher did not see must win over its index.
        await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).SetStatusAsync(TwoCenters.NearFlatbed, ResourceStatus.Offline);
        var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);

        Assert.Equal(DispatchStatus.Conflict, decision.Status);
        Assert.Null(decision.Reservation);
        Assert.Equal(TwoCenters.FarFlatbed, decision.Recommendation?.Recommendation?.ResourceId);
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);
        Assert.Equal(TwoCenters.FarFlatbed, next?.Recommendation?.ResourceId);
        Assert.Empty(await net.Dispatcher.GetReservationsAsync());
    }

    [Fact]
    public async Task DispatchAsync_LastTyreReserved_CentersOtherVanIsOutOfStock()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);

        var first = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.FlatTire(Places.MidSouth), TwoCenters.NearVan, "onsite");
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.All);

        Assert.Equal(TestIncidents.Tyre, first.Reservation?.Sku);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Equal(new StockSnapshot(1, 1), center.Stock[TestIncidents.Tyre]);
        Assert.NotNull(next?.Recommendation);
        Assert.Contains(new ExcludedResource(TwoCenters.NearVan2, net.Near, ReasonCodes.PartOutOfStock), next.Excluded);
        var options = next.Alternatives.Prepend(next.Recommendation);
        Assert.DoesNotContain(options, o => o.ResourceId == TwoCenters.NearVan2);
        Assert.Contains(options, o => o.ResourceId == TwoCenters.FarVan && o.Part == TestIncidents.Tyre);
    }

    [Fact]
    public async Task DispatchAsync_NamedUnitCannotServeTheFault_NotPossible()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), TwoCenters.NearVan, null);

        Assert.Equal(DispatchStatus.NotPossible, decision.Status);
        Assert.Contains(ReasonCodes.CannotServeFault, decision.Detail, StringComparison.Ordinal);
        Assert.Empty(await net.Dispatcher.GetReservationsAsync());
    }

    [Fact]
    public async Task DispatchAsync_UnknownUnit_UnknownResource()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), "fb-nowhere", null);

        Assert.Equal(DispatchStatus.UnknownResource, decision.Status);
    }

    [Fact]
    public async Task DispatchAsync_OutsideEveryRegion_OutsideServedArea()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.Nowhere), null, null);

        Assert.Equal(DispatchStatus.OutsideServedArea, decision.Status);
        Assert.Empty(await net.Dispatcher.GetReservationsAsync());
    }

    [Fact]
    public async Task DispatchAsync_EveryUnitBusy_Unassignable()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);
        await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);

        var decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);

        Assert.Equal(DispatchStatus.Unassignable, decision.Status);
        Assert.Equal(RecommendationStatus.Unassignable, decision.Recommendation?.Status);
        Assert.Equal(2, (await net.Dispatcher.GetReservationsAsync()).Length);
    }
}
