using Dispatch.Grains.Centers;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Centers;

[Collection(ClusterCollection.Name)]
public sealed class ServiceCenterReserveTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ReserveAsync_AvailableUnitAndPart_AssignsUnitAndReservesPart()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        Assert.Equal(ReserveStatus.Reserved, outcome.Status);
        Assert.Equal(new Reservation("i-1", center.GetPrimaryKeyString(), "u1", "onsite", TestCenter.Tyre, fixture.Now, TestCenter.EtaMin), outcome.Reservation);
        var snapshot = await center.GetAsync();
        Assert.Equal(ResourceStatusNames.Assigned, snapshot.Resource("u1").Status);
        Assert.Equal(ResourceStatusNames.Available, snapshot.Resource("u2").Status);
        Assert.Equal(new StockSnapshot(2, 1), snapshot.Stock[TestCenter.Tyre]);
        Assert.Equal(outcome.Reservation, Assert.Single(snapshot.Reservations));
    }

    [Fact]
    public async Task ReserveAsync_WithoutPart_LeavesStockAlone()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", sku: null, mode: "tow"));

        Assert.Equal(ReserveStatus.Reserved, outcome.Status);
        var snapshot = await center.GetAsync();
        Assert.Equal(ResourceStatusNames.Assigned, snapshot.Resource("u1").Status);
        Assert.Equal(new StockSnapshot(2, 0), snapshot.Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task ReserveAsync_SameRequestAgain_ReturnsSameReservationAndChangesNothing()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var first = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        var before = await center.GetAsync();
        fixture.Advance(TimeSpan.FromMinutes(3));

        var again = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        Assert.Equal(ReserveStatus.Reserved, again.Status);
        Assert.Equal(first.Reservation, again.Reservation);
        var after = await center.GetAsync();
        Assert.Equal(new StockSnapshot(2, 1), after.Stock[TestCenter.Tyre]);
        Assert.Equal(before.Resources.ToArray(), after.Resources.ToArray());
        Assert.Equal(before.Reservations.ToArray(), after.Reservations.ToArray());
    }

    [Fact]
    public async Task ReserveAsync_SameIncidentAsksForAnotherUnit_IncidentHoldsOther()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);
        var first = await center.ReserveAsync(TestCenter.Hold("i-1", "u1"));

        var other = await center.ReserveAsync(TestCenter.Hold("i-1", "u2"));

        Assert.Equal(ReserveStatus.IncidentHoldsOther, other.Status);
        Assert.Equal(first.Reservation, other.Reservation);
        Assert.Equal(ResourceStatusNames.Available, (await center.GetAsync()).Resource("u2").Status);
    }

    [Fact]
    public async Task ReserveAsync_UnitHeldByAnotherIncident_ResourceNotFree()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-2", "u1", TestCenter.Tyre));

        Assert.Equal(ReserveStatus.ResourceNotFree, outcome.Status);
        Assert.Null(outcome.Reservation);
        var snapshot = await center.GetAsync();
        Assert.Equal(["i-1"], snapshot.Reservations.Select(r => r.IncidentId));
        Assert.Equal(new StockSnapshot(2, 1), snapshot.Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task ReserveAsync_OfflineUnit_ResourceNotFree()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);
        await center.SetStatusAsync("u1", ResourceStatus.Offline);

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-1", "u1"));

        Assert.Equal(ReserveStatus.ResourceNotFree, outcome.Status);
        Assert.Empty((await center.GetAsync()).Reservations);
    }

    [Theory]
    [InlineData(0, TestCenter.Tyre)]
    [InlineData(2, "TIRE-NOT-STOCKED")]
    public async Task ReserveAsync_PartOutOfStock_RefusedAndNothingChanged(int tyres, string sku)
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: tyres);
        var before = await center.GetAsync();

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", sku));

        Assert.Equal(ReserveStatus.PartOutOfStock, outcome.Status);
        Assert.Null(outcome.Reservation);
        var after = await center.GetAsync();
        Assert.Equal(before.Resources.ToArray(), after.Resources.ToArray());
        Assert.Equal(before.Stock, after.Stock);
        Assert.Empty(after.Reservations);
    }

    [Fact]
    public async Task ReserveAsync_LastPartHeldByAnotherIncident_PartOutOfStock()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 1);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-2", "u2", TestCenter.Tyre));

        Assert.Equal(ReserveStatus.PartOutOfStock, outcome.Status);
        var snapshot = await center.GetAsync();
        Assert.Equal(ResourceStatusNames.Available, snapshot.Resource("u2").Status);
        Assert.Equal(new StockSnapshot(1, 1), snapshot.Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task ReserveAsync_UnknownResource_UnknownResource()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-1", "u-nope"));

        Assert.Equal(ReserveStatus.UnknownResource, outcome.Status);
        Assert.Empty((await center.GetAsync()).Reservations);
    }

    [Fact]
    public async Task ReserveAsync_AfterDeactivation_HoldIsReadBackFromStorage()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var held = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        var before = await center.GetAsync();

        await fixture.Cluster.DeactivateAsync(center);

        var after = await center.GetAsync();
        Assert.Equal(before.Resources.ToArray(), after.Resources.ToArray());
        Assert.Equal(before.Stock, after.Stock);
        Assert.Equal(held.Reservation, Assert.Single(after.Reservations));
        Assert.Equal(ReserveStatus.ResourceNotFree, (await center.ReserveAsync(TestCenter.Hold("i-2", "u1"))).Status);
    }
}
