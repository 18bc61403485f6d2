using Dispatch.Grains.Centers;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Centers;

/// <summary>Commit and release: the two ways a hold ends.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceCenterEndTests(ClusterFixture fixture)
{
    private const double JobLat = 30.2;
    private const double JobLon = 92.4;

    [Fact]
    public async Task CommitAsync_HeldUnitAndPart_ConsumesPartAndFreesUnitWhereTheJobEnded()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var held = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        var ended = await center.CommitAsync("i-1", JobLat, JobLon);

        Assert.Equal(held.Reservation, ended);
        var snapshot = await center.GetAsync();
        Assert.Equal(TestCenter.Unit("u1") with { Lat = JobLat, Lon = JobLon }, snapshot.Resource("u1"));
        Assert.Equal(new StockSnapshot(1, 0), snapshot.Stock[TestCenter.Tyre]);
        Assert.Empty(snapshot.Reservations);
    }

    [Fact]
    public async Task CommitAsync_Twice_SecondIsNoOp()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        await center.CommitAsync("i-1", JobLat, JobLon);
        var before = await center.GetAsync();

        var again = await center.CommitAsync("i-1", 0, 0);

        Assert.Null(again);
        var after = await center.GetAsync();
        Assert.Equal(before.Resources.ToArray(), after.Resources.ToArray());
        Assert.Equal(new StockSnapshot(1, 0), after.Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task ReleaseAsync_HeldUnitAndPart_ReturnsPartAndFreesUnitWhereItStands()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var held = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        await center.SetPositionAsync("u1", JobLat, JobLon);

        var ended = await center.ReleaseAsync("i-1");

        Assert.Equal(held.Reservation, ended);
        var snapshot = await center.GetAsync();
        Assert.Equal(TestCenter.Unit("u1") with { Lat = JobLat, Lon = JobLon }, snapshot.Resource("u1"));
        Assert.Equal(new StockSnapshot(2, 0), snapshot.Stock[TestCenter.Tyre]);
        Assert.Empty(snapshot.Reservations);
    }

    [Fact]
    public async Task ReleaseAsync_Twice_SecondIsNoOp()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        await center.ReleaseAsync("i-1");

        var again = await center.ReleaseAsync("i-1");

        Assert.Null(again);
        var snapshot = await center.GetAsync();
        Assert.Equal(ResourceStatusNames.Available, snapshot.Resource("u1").Status);
        Assert.Equal(new StockSnapshot(2, 0), snapshot.Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task ReleaseAsync_AfterCommit_LeavesTheConsumedPartConsumed()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        await center.CommitAsync("i-1", JobLat, JobLon);

        Assert.Null(await center.ReleaseAsync("i-1"));

        Assert.Equal(new StockSnapshot(1, 0), (await center.GetAsync()).Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task ReleaseAsync_ThenReserveForAnotherIncident_UnitAndPartCanBeHeldAgain()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 1);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        await center.ReleaseAsync("i-1");

        var outcome = await center.ReserveAsync(TestCenter.Hold("i-2", "u1", TestCenter.Tyre));

        Assert.Equal(ReserveStatus.Reserved, outcome.Status);
        Assert.Equal(new StockSnapshot(1, 1), (await center.GetAsync()).Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task CommitAsync_IncidentNeverHeld_ReturnsNullAndChangesNothing()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var before = await center.GetAsync();

        Assert.Null(await center.CommitAsync("i-unknown", JobLat, JobLon));

        var after = await center.GetAsync();
        Assert.Equal(before.Resources.ToArray(), after.Resources.ToArray());
        Assert.Equal(before.Stock, after.Stock);
    }
}
