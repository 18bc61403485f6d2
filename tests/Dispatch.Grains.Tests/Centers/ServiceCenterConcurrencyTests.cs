using Dispatch.Grains.Centers;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Centers;

/// <summary>Many callers at once: the center must never hand a unit to two incidents or a part beyond stock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceCenterConcurrencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ReserveAsync_FiftyIncidentsRaceForOneUnit_ExactlyOneGetsIt()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, units: 1);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => center.ReserveAsync(TestCenter.Hold("i-" + i, "u1"))));

        var winner = Assert.Single(outcomes, o => o.Status == ReserveStatus.Reserved);
        Assert.All(outcomes.Where(o => o != winner), o => Assert.Equal(ReserveStatus.ResourceNotFree, o.Status));
        var snapshot = await center.GetAsync();
        Assert.Equal(winner.Reservation, Assert.Single(snapshot.Reservations));
        Assert.Equal(ResourceStatusNames.Assigned, snapshot.Resource("u1").Status);
    }

    [Fact]
    public async Task ReserveAsync_TenUnitsRaceForThreeTyres_ExactlyThreeGetOne()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, units: 10, tyres: 3);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10)
            .Select(i => center.ReserveAsync(TestCenter.Hold("i-" + i, "u" + i, TestCenter.Tyre))));

        Assert.Equal(3, outcomes.Count(o => o.Status == ReserveStatus.Reserved));
        Assert.Equal(7, outcomes.Count(o => o.Status == ReserveStatus.PartOutOfStock));
        var snapshot = await center.GetAsync();
        Assert.Equal(new StockSnapshot(3, 3), snapshot.Stock[TestCenter.Tyre]);
        Assert.Equal(3, snapshot.Reservations.Length);
        Assert.Equal(
            snapshot.Reservations.Select(r => r.ResourceId).Order(StringComparer.Ordinal),
            snapshot.Resources.Where(r => r.Status == ResourceStatusNames.Assigned).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReserveAndRelease_Interleaved_StockAndHoldsStayConsistent()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, units: 6, tyres: 2);

        // Each incident reserves and then releases; whatever the interleaving, every hold ends and no tyre leaks.
        await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            var outcome = await center.ReserveAsync(TestCenter.Hold("i-" + i, "u" + i, TestCenter.Tyre));
            await center.ReleaseAsync("i-" + i);
            return outcome;
        }));

        var snapshot = await center.GetAsync();
        Assert.Empty(snapshot.Reservations);
        Assert.Equal(new StockSnapshot(2, 0), snapshot.Stock[TestCenter.Tyre]);
        Assert.All(snapshot.Resources, r => Assert.Equal(ResourceStatusNames.Available, r.Status));
    }
}
