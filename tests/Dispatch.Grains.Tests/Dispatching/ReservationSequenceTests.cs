using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Faults;
using Dispatch.Grains.Tests.Networks;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>The reservation sequence when calls to the center fail: whatever the center ended up holding, the
/// dispatcher follows it before its next decision, and a unit is never left held by nobody.</summary>
public sealed class ReservationSequenceTests(FaultyCentersFixture fixture) : IClassFixture<FaultyCentersFixture>
{
    [Fact]
    public async Task DispatchAsync_ReserveAndCenterReadBothFail_NextDecisionFindsTheUnitFree()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        fixture.Faults.FailNext(net.Near, nameof(IServiceCenterGrain.ReserveAsync));
        fixture.Faults.FailNext(net.Near, nameof(IServiceCenterGrain.GetAsync));

        var lost = await Assert.ThrowsAnyAsync<Exception>(() =>
            net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null));
        var next = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);

        Assert.Contains(CenterFaults.FailureMessage, lost.ToString(), StringComparison.Ordinal);
        Assert.Equal(DispatchStatus.Dispatched, next.Status);
        Assert.Equal(TwoCenters.NearFlatbed, next.Reservation?.ResourceId);
        Assert.Equal([next.Reservation!], (await net.Dispatcher.GetReservationsAsync()).ToArray());
    }

    [Fact]
    public async Task DispatchAsync_CenterStoredTheHoldButBothAnswersWereLost_NextDecisionKnowsTheHold()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var incidentId = TestIncidents.NewId();
        fixture.Faults.FailNext(net.Near, nameof(IServiceCenterGrain.ReserveAsync), afterRunning: true);
        fixture.Faults.FailNext(net.Near, nameof(IServiceCenterGrain.GetAsync));

        await Assert.ThrowsAnyAsync<Exception>(() => net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), null, null));
        var other = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);
        var retried = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), null, null);

        Assert.Equal(TwoCenters.FarFlatbed, other.Reservation?.ResourceId);
        Assert.Equal(DispatchStatus.Dispatched, retried.Status);
        Assert.Equal(TwoCenters.NearFlatbed, retried.Reservation?.ResourceId);
        var atNear = await fixture.Grains.GetGrain<IServiceCenterGrain>(net.Near).GetAsync();
        Assert.Equal(retried.Reservation, Assert.Single(atNear.Reservations));
        Assert.Equal(2, (await net.Dispatcher.GetReservationsAsync()).Length);
    }

    [Fact]
    public async Task DispatchAsync_ReserveAnswerLostButCenterReadable_TheStoredHoldIsTheAssignment()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var incidentId = TestIncidents.NewId();
        fixture.Faults.FailNext(net.Near, nameof(IServiceCenterGrain.ReserveAsync), afterRunning: true);

        var decision = await net.Dispatcher.DispatchAsync(incidentId, TestIncidents.Stuck(Places.MidSouth), null, null);

        Assert.Equal(DispatchStatus.Dispatched, decision.Status);
        Assert.Equal(TwoCenters.NearFlatbed, decision.Reservation?.ResourceId);
        Assert.Equal(decision.Reservation, await net.Dispatcher.GetReservationAsync(incidentId));
    }

    [Fact]
    public async Task DispatchAsync_ReserveFailsAndCenterHoldsNothing_FailsAndUnitIsFreeAtOnce()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        fixture.Faults.FailNext(net.Near, nameof(IServiceCenterGrain.ReserveAsync));

        await Assert.ThrowsAnyAsync<Exception>(() => net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null));
        var next = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.Default);

        Assert.Equal(TwoCenters.NearFlatbed, next?.Recommendation?.ResourceId);
        Assert.Empty(await net.Dispatcher.GetReservationsAsync());
    }
}
