using Dispatch.Grains.Centers;
using Dispatch.Grains.Tests.Centers;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Storage;

/// <summary>A write that storage refused must not leave the grain believing it happened.</summary>
public sealed class FailedWriteTests(FlakyStorageFixture fixture) : IClassFixture<FlakyStorageFixture>
{
    [Fact]
    public async Task ReserveAsync_StorageWriteFails_CallFailsAndCenterReloadsTheStoredState()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var held = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));
        var stored = await center.GetAsync();
        var grainId = center.GetGrainId();
        Assert.Equal(1, fixture.Storage.ReadCount(grainId));

        fixture.Storage.FailNextWrite();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => center.ReserveAsync(TestCenter.Hold("i-2", "u2", TestCenter.Tyre)));

        Assert.Contains(FlakyGrainStorage.FailureMessage, failure.ToString(), StringComparison.Ordinal);
        var after = await center.GetAsync();
        Assert.Equal(2, fixture.Storage.ReadCount(grainId));
        Assert.Equal(stored.Resources.ToArray(), after.Resources.ToArray());
        Assert.Equal(new StockSnapshot(2, 1), after.Stock[TestCenter.Tyre]);
        Assert.Equal(held.Reservation, Assert.Single(after.Reservations));
    }

    [Fact]
    public async Task ReserveAsync_AfterAFailedWrite_SameHoldCanBeRetried()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 1);
        fixture.Storage.FailNextWrite();
        await Assert.ThrowsAnyAsync<Exception>(() => center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre)));

        var retried = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        Assert.Equal(ReserveStatus.Reserved, retried.Status);
        var snapshot = await center.GetAsync();
        Assert.Equal(ResourceStatusNames.Assigned, snapshot.Resource("u1").Status);
        Assert.Equal(new StockSnapshot(1, 1), snapshot.Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task CommitAsync_StorageWriteFails_HoldStaysAndRetryCommits()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var held = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        fixture.Storage.FailNextWrite();
        await Assert.ThrowsAnyAsync<Exception>(() => center.CommitAsync("i-1", 30, 92));

        var kept = await center.GetAsync();
        Assert.Equal(held.Reservation, Assert.Single(kept.Reservations));
        Assert.Equal(ResourceStatusNames.Assigned, kept.Resource("u1").Status);
        Assert.Equal(new StockSnapshot(2, 1), kept.Stock[TestCenter.Tyre]);

        Assert.Equal(held.Reservation, await center.CommitAsync("i-1", 30, 92));
        Assert.Equal(new StockSnapshot(1, 0), (await center.GetAsync()).Stock[TestCenter.Tyre]);
    }
}
