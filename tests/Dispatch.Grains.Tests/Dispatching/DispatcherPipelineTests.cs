using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Storage;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>A single dispatch gives the dispatcher's turn to the next decision while its center stores the hold.</summary>
public sealed class DispatcherPipelineTests(FlakyStorageFixture fixture) : IClassFixture<FlakyStorageFixture>
{
    // Only a guard against a hang: a dispatch that waited on the held write would never answer before the release.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DispatchAsync_CenterStillStoringAHold_NextDispatchIsDecidedAndStoredMeanwhile()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var slow = fixture.Storage.HoldWritesOf(net.Near);
        var (a, b, c) = (TestIncidents.NewId(), TestIncidents.NewId(), TestIncidents.NewId());
        var incident = TestIncidents.Stuck(Places.MidSouth);

        var first = net.Dispatcher.DispatchAsync(a, incident, TwoCenters.NearFlatbed, null);
        await HeldInTheIndexAsync(net, TwoCenters.NearFlatbed);
        var second = await net.Dispatcher.DispatchAsync(b, incident, TwoCenters.FarFlatbed, null).WaitAsync(Hang);

        // The held unit is taken in the index already: nobody else gets it while its center stores it.
        var third = await net.Dispatcher.DispatchAsync(c, incident, TwoCenters.NearFlatbed, null).WaitAsync(Hang);
        var best = await net.Dispatcher.RecommendAsync(incident, RecommendationQuery.All);
        Assert.False(first.IsCompleted);
        slow.SetResult();
        var answered = await first.WaitAsync(Hang);

        Assert.Equal(DispatchStatus.Dispatched, second.Status);
        Assert.Equal(DispatchStatus.Conflict, third.Status);
        Assert.DoesNotContain(TwoCenters.NearFlatbed, best!.Alternatives.Prepend(best.Recommendation).Select(o => o?.ResourceId));
        Assert.Equal(DispatchStatus.Dispatched, answered.Status);
        Assert.Equal(TwoCenters.NearFlatbed, answered.Reservation!.ResourceId);
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), (await net.Dispatcher.GetReservationsAsync()).Select(r => r.IncidentId));
    }

    [Fact]
    public async Task DispatchAsync_SameIncidentWhileItsHoldIsBeingStored_ConflictAndOneHold()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var slow = fixture.Storage.HoldWritesOf(net.Near);
        var id = TestIncidents.NewId();
        var incident = TestIncidents.Stuck(Places.MidSouth);

        var first = net.Dispatcher.DispatchAsync(id, incident, TwoCenters.NearFlatbed, null);
        await HeldInTheIndexAsync(net, TwoCenters.NearFlatbed);
        var again = await net.Dispatcher.DispatchAsync(id, incident, null, null).WaitAsync(Hang);
        slow.SetResult();
        var answered = await first.WaitAsync(Hang);

        Assert.Equal(DispatchStatus.Conflict, again.Status);
        Assert.Null(again.Reservation);
        Assert.Equal(DispatchStatus.Dispatched, answered.Status);
        var held = Assert.Single(await net.Dispatcher.GetReservationsAsync());
        Assert.Equal((id, TwoCenters.NearFlatbed), (held.IncidentId, held.ResourceId));
    }

    // The first dispatch has made its decision (and waits on its center) once the index no longer offers its unit.
    private static async Task HeldInTheIndexAsync(TwoCenters net, string unit)
    {
        var incident = TestIncidents.Stuck(Places.MidSouth);
        for (var tries = 0; ; tries++)
        {
            var offered = await net.Dispatcher.RecommendAsync(incident, RecommendationQuery.All);
            if (!offered!.Alternatives.Prepend(offered.Recommendation).Any(o => o?.ResourceId == unit))
            {
                return;
            }

            Assert.True(tries < 3000, $"{unit} was never held");
            await Task.Delay(10);
        }
    }
}
