using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>Many dispatches at once: decisions are serialized, so no unit goes twice and no part beyond stock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DispatcherConcurrencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DispatchAsync_TwentyIncidentsForTwoTowUnits_ExactlyTwoDispatchedToDifferentUnits()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null)));

        var dispatched = decisions.Where(d => d.Status == DispatchStatus.Dispatched).ToList();
        Assert.Equal(2, dispatched.Count);
        Assert.Equal(18, decisions.Count(d => d.Status == DispatchStatus.Unassignable));
        Assert.Equal(
            [TwoCenters.FarFlatbed, TwoCenters.NearFlatbed],
            dispatched.Select(d => d.Reservation!.ResourceId).Order(StringComparer.Ordinal));
        await AssertCentersAgreeWithDispatcherAsync(net);
    }

    [Fact]
    public async Task DispatchAsync_FlatTiresRaceWithRecommendations_PartsNeverBeyondStock()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains, tyres: 1);

        // Recommendations interleave with dispatches (they only read); dispatches of flat tyres compete for vans,
        // tyres and, in tow mode, flatbeds.
        var dispatches = Enumerable.Range(0, 12).Select(_ =>
            net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.FlatTire(Places.MidSouth), null, null)).ToList();
        var reads = Enumerable.Range(0, 12).Select(_ =>
            net.Dispatcher.RecommendAsync(TestIncidents.FlatTire(Places.MidSouth), RecommendationQuery.Default)).ToList();
        var decisions = await Task.WhenAll(dispatches);
        await Task.WhenAll(reads);

        // Two tyres (one per center) bound the onsite jobs; two flatbeds bound the tows.
        var held = decisions.Where(d => d.Status == DispatchStatus.Dispatched).Select(d => d.Reservation!).ToList();
        Assert.Equal(2, held.Count(r => r.Sku == TestIncidents.Tyre));
        Assert.Equal(2, held.Count(r => r.Mode == "tow"));
        Assert.Equal(held.Count, held.Select(r => r.ResourceId).Distinct(StringComparer.Ordinal).Count());
        await AssertCentersAgreeWithDispatcherAsync(net);
    }

    private async Task AssertCentersAgreeWithDispatcherAsync(TwoCenters net)
    {
        var centers = await Task.WhenAll(new[] { net.Near, net.Far }.Select(id => fixture.Grains.GetGrain<IServiceCenterGrain>(id).GetAsync()));
        var atCenters = centers.SelectMany(c => c.Reservations).OrderBy(r => r.IncidentId, StringComparer.Ordinal).ToArray();
        Assert.Equal(atCenters, (await net.Dispatcher.GetReservationsAsync()).ToArray());
        foreach (var center in centers)
        {
            Assert.Equal(
                center.Reservations.Select(r => r.ResourceId).Order(StringComparer.Ordinal),
                center.Resources.Where(r => r.Status == ResourceStatusNames.Assigned).Select(r => r.Id).Order(StringComparer.Ordinal));
            Assert.All(center.Stock, s => Assert.InRange(s.Value.Reserved, 0, s.Value.OnHand));
            Assert.All(center.Stock, s => Assert.Equal(center.Reservations.Count(r => r.Sku == s.Key), s.Value.Reserved));
        }
    }
}
