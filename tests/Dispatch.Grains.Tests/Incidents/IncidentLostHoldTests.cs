using Dispatch.Grains.Centers;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Networks;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Incidents;

/// <summary>A closed case ends its hold at the center it recorded, even when the dispatcher never knew of the hold.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentLostHoldTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Cancelled_DispatcherLacksTheHold_UnitAndPartGoBackAtTheRecordedCenter()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 2);
        var (grain, created) = await TestCases.OpenAsync(fixture, area, fault: "flat_tire");
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near);
        var hold = await center.ReserveAsync(new ReserveRequest(created.Case!.Id, area.NearVan, "onsite", TestIncidents.Tyre, 10));
        Assert.Equal(CaseOutcome.Ok, (await grain.RecordDispatchAsync(hold.Reservation!)).Outcome);

        var cancelled = await grain.AddEventAsync(CaseStatus.Cancelled, null, null);

        Assert.Equal(CaseOutcome.Ok, cancelled.Outcome);
        var after = await center.GetAsync();
        Assert.Empty(after.Reservations);
        Assert.Equal(new StockSnapshot(2, 0), after.Stock[TestIncidents.Tyre]);
        Assert.Equal(ResourceStatusNames.Available, after.Resources.Single(r => r.Id == area.NearVan).Status);
    }

    [Fact]
    public async Task Completed_DispatcherLacksTheHold_PartConsumedAndUnitFreedAtTheRecordedCenter()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 2);
        var (grain, created) = await TestCases.OpenAsync(fixture, area, fault: "flat_tire");
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near);
        var hold = await center.ReserveAsync(new ReserveRequest(created.Case!.Id, area.NearVan, "onsite", TestIncidents.Tyre, 10));
        Assert.Equal(CaseOutcome.Ok, (await grain.RecordDispatchAsync(hold.Reservation!)).Outcome);
        var endedAt = Places.North(area.Site, 3);

        var completed = await grain.AddEventAsync(CaseStatus.Completed, null, endedAt);

        Assert.Equal(CaseOutcome.Ok, completed.Outcome);
        var after = await center.GetAsync();
        Assert.Empty(after.Reservations);
        Assert.Equal(new StockSnapshot(1, 0), after.Stock[TestIncidents.Tyre]);
        Assert.Equal(new ResourceSnapshot(area.NearVan, "service_van", ResourceStatusNames.Available, endedAt.Lat, endedAt.Lon),
            after.Resources.Single(r => r.Id == area.NearVan));
    }
}
