using Dispatch.Grains.Centers;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Centers;

/// <summary>The operator's commands on a center: status, position, stock, configuration and removal.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceCenterCommandTests(ClusterFixture fixture)
{
    [Fact]
    public async Task SetStatusAsync_AssignedUnit_ConflictAndStaysAssigned()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1"));

        var result = await center.SetStatusAsync("u1", ResourceStatus.Available);

        Assert.Equal(CommandError.Conflict, result.Error);
        Assert.Equal(ResourceStatusNames.Assigned, (await center.GetAsync()).Resource("u1").Status);
    }

    [Fact]
    public async Task SetStatusAsync_Offline_TakesUnitOutOfService()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);

        var result = await center.SetStatusAsync("u1", ResourceStatus.Offline);

        Assert.True(result.Succeeded);
        Assert.Equal(ResourceStatusNames.Offline, result.Value?.Status);
        Assert.Equal(ResourceStatusNames.Offline, (await center.GetAsync()).Resource("u1").Status);
    }

    [Fact]
    public async Task SetStatusAsync_AssignedAsked_InvalidAndUnchanged()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);

        var result = await center.SetStatusAsync("u1", ResourceStatus.Assigned);

        Assert.Equal(CommandError.Invalid, result.Error);
        Assert.Equal(ResourceStatusNames.Available, (await center.GetAsync()).Resource("u1").Status);
    }

    [Fact]
    public async Task SetStatusAsync_UnknownResource_NotFound()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);

        var result = await center.SetStatusAsync("u-nope", ResourceStatus.Offline);

        Assert.Equal(CommandError.NotFound, result.Error);
    }

    [Fact]
    public async Task SetPositionAsync_UnknownResource_NotFound()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);

        var result = await center.SetPositionAsync("u-nope", 30, 91);

        Assert.Equal(CommandError.NotFound, result.Error);
    }

    [Fact]
    public async Task SetPositionAsync_KnownResource_MovesIt()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);

        var result = await center.SetPositionAsync("u2", 30.5, 92.25);

        Assert.True(result.Succeeded);
        Assert.Equal(TestCenter.Unit("u2") with { Lat = 30.5, Lon = 92.25 }, (await center.GetAsync()).Resource("u2"));
    }

    [Fact]
    public async Task AdjustStockAsync_BelowReserved_ConflictAndUnchanged()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        var result = await center.AdjustStockAsync(TestCenter.Tyre, -2);

        Assert.Equal(CommandError.Conflict, result.Error);
        Assert.Equal(new StockSnapshot(2, 1), (await center.GetAsync()).Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task AdjustStockAsync_DownToReserved_Allowed()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        var result = await center.AdjustStockAsync(TestCenter.Tyre, -1);

        Assert.Equal(new StockSnapshot(1, 1), result.Value);
        Assert.Equal(new StockSnapshot(1, 1), (await center.GetAsync()).Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task AdjustStockAsync_NewSku_StartsFromZero()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);

        var result = await center.AdjustStockAsync("BATT-12V", 4);

        Assert.True(result.Succeeded);
        Assert.Equal(new StockSnapshot(4, 0), (await center.GetAsync()).Stock["BATT-12V"]);
    }

    [Fact]
    public async Task AdjustStockAsync_PastIntMax_Conflict()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);

        var result = await center.AdjustStockAsync(TestCenter.Tyre, int.MaxValue);

        Assert.Equal(CommandError.Conflict, result.Error);
        Assert.Equal(new StockSnapshot(2, 0), (await center.GetAsync()).Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task ConfigureAsync_WithOpenHold_KeepsReservationAndHeldUnitAssigned()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains, tyres: 2);
        var held = await center.ReserveAsync(TestCenter.Hold("i-1", "u1", TestCenter.Tyre));

        // A network document lists every resource as available or assigned; the center knows better for its holds.
        await center.ConfigureAsync(TestCenter.Configuration(
            [TestCenter.Unit("u1"), TestCenter.Unit("u3", "wheel_lift")],
            new Dictionary<string, int> { [TestCenter.Tyre] = 5 },
            version: 2));

        var snapshot = await center.GetAsync();
        Assert.Equal(2, snapshot.NetworkVersion);
        Assert.Equal(held.Reservation, Assert.Single(snapshot.Reservations));
        Assert.Equal(ResourceStatusNames.Assigned, snapshot.Resource("u1").Status);
        Assert.Equal(ResourceStatusNames.Available, snapshot.Resource("u3").Status);
        Assert.DoesNotContain(snapshot.Resources, r => r.Id == "u2");
        Assert.Equal(ReserveStatus.ResourceNotFree, (await center.ReserveAsync(TestCenter.Hold("i-2", "u1"))).Status);
    }

    [Fact]
    public async Task ConfigureAsync_NewCenter_TakesResourcesStockAndVersion()
    {
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>("center-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, (await center.GetAsync()).NetworkVersion);

        await center.ConfigureAsync(TestCenter.Configuration([TestCenter.Unit("u1")], new Dictionary<string, int> { [TestCenter.Tyre] = 3 }, version: 7));

        var snapshot = await center.GetAsync();
        Assert.Equal(7, snapshot.NetworkVersion);
        Assert.Equal(TestCenter.Unit("u1"), Assert.Single(snapshot.Resources));
        Assert.Equal(new StockSnapshot(3, 0), snapshot.Stock[TestCenter.Tyre]);
    }

    [Fact]
    public async Task RemoveAsync_WhileHoldsExist_RefusedAndKept()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1"));

        Assert.False(await center.RemoveAsync());

        var snapshot = await center.GetAsync();
        Assert.Equal(1, snapshot.NetworkVersion);
        Assert.Single(snapshot.Reservations);
    }

    [Fact]
    public async Task RemoveAsync_AfterHoldsEnd_ForgetsTheCenter()
    {
        var center = await TestCenter.CreateAsync(fixture.Grains);
        await center.ReserveAsync(TestCenter.Hold("i-1", "u1"));
        await center.ReleaseAsync("i-1");

        Assert.True(await center.RemoveAsync());

        var snapshot = await center.GetAsync();
        Assert.Equal(0, snapshot.NetworkVersion);
        Assert.Empty(snapshot.Resources);
        Assert.Empty(snapshot.Stock);
    }
}
