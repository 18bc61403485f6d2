using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Reconciliation;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Incidents;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Reconciliation;

/// <summary>Each inconsistency a crash can leave between a center's holds and the cases, built by hand, and what one
/// reconciler pass makes of it (docs/cluster.md "Reconciler").</summary>
[Collection(ReconciliationCollection.Name)]
public sealed class ReconcilerTests(ClusterFixture fixture)
{
    private static readonly TimeSpan PastGrace = new ReconcilerOptions().Grace + TimeSpan.FromSeconds(1);

    private IReconcilerGrain Reconciler => fixture.Grains.GetGrain<IReconcilerGrain>(IncidentGrain.Network);

    private IDispatcherGrain Dispatcher => fixture.Grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    [Fact]
    public async Task RunAsync_HoldWithNoCase_ReleasesItEverywhere()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var id = await HoldWithoutCaseAsync(area);
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.True(report.FixesOf(FixKinds.OrphanHold) >= 1);
        await AssertFreeAsync(area.Near, area.NearFlatbed, id);
        Assert.Null(await Dispatcher.GetReservationAsync(id));
    }

    [Fact]
    public async Task RunAsync_HoldYoungerThanGrace_LeftAlone()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var id = await HoldWithoutCaseAsync(area);
        fixture.Advance(PastGrace / 2);

        var report = await Reconciler.RunAsync();

        Assert.True(report.TooYoung >= 1);
        Assert.Contains((await Center(area.Near).GetAsync()).Reservations, r => r.IncidentId == id);
        Assert.NotNull(await Dispatcher.GetReservationAsync(id));

        fixture.Advance(PastGrace);
        await Reconciler.RunAsync();
        await AssertFreeAsync(area.Near, area.NearFlatbed, id);
    }

    [Fact]
    public async Task RunAsync_OpenCaseThatNeverRecordedItsHold_RecordsIt()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await TestCases.OpenAsync(fixture, area);
        // The dispatch reached the center, and the silo died before the case wrote it down.
        var decision = await Dispatcher.DispatchAsync(created.Case!.Id, TestCases.IncidentOf(created.Case.Incident), null, null);
        Assert.Equal(DispatchStatus.Dispatched, decision.Status);
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.True(report.FixesOf(FixKinds.UnrecordedHold) >= 1);
        var view = (await grain.GetAsync())!;
        Assert.Equal(CaseStatus.Dispatched, view.Status);
        Assert.Equal(decision.Reservation!.ResourceId, view.Assignment!.ResourceId);
        Assert.Contains((await Center(area.Near).GetAsync()).Reservations, r => r.IncidentId == view.Id);
    }

    [Fact]
    public async Task RunAsync_HoldOfCancelledCase_ReleasesUnitAndPart()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 2);
        var (grain, created) = await TestCases.OpenAsync(fixture, area, fault: "flat_tire");
        await TestCases.WalkToAsync(grain, CaseStatus.Cancelled);
        await Center(area.Near).ReserveAsync(new ReserveRequest(created.Case!.Id, area.NearVan, "onsite", TestIncidents.Tyre, 10));
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.True(report.FixesOf(FixKinds.ClosedCaseHold) >= 1);
        var center = await AssertFreeAsync(area.Near, area.NearVan, created.Case.Id);
        Assert.Equal(new StockSnapshot(2, 0), center.Stock[TestIncidents.Tyre]);
    }

    [Fact]
    public async Task RunAsync_HoldOfCompletedCase_CommitsItWhereTheJobEnded()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 2);
        var (grain, created) = await TestCases.OpenAsync(fixture, area, fault: "flat_tire");
        await TestCases.WalkToAsync(grain, CaseStatus.Completed, area.NearVan, "onsite");
        await Center(area.Near).ReserveAsync(new ReserveRequest(created.Case!.Id, area.NearVan, "onsite", TestIncidents.Tyre, 10));
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.True(report.FixesOf(FixKinds.ClosedCaseHold) >= 1);
        var center = await AssertFreeAsync(area.Near, area.NearVan, created.Case.Id);
        // The walk used one tyre; the stray hold's commit used the second.
        Assert.Equal(new StockSnapshot(0, 0), center.Stock[TestIncidents.Tyre]);
        var van = center.Resources.Single(r => r.Id == area.NearVan);
        Assert.Equal((area.Site.Lat, area.Site.Lon), (van.Lat, van.Lon));
    }

    [Fact]
    public async Task RunAsync_HoldOfAnotherUnitThanTheCaseRecords_ReleasesOnlyThatOne()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await TestCases.OpenAsync(fixture, area);
        var dispatched = await grain.DispatchAsync(area.NearFlatbed, null);
        Assert.Equal(CaseOutcome.Ok, dispatched.Outcome);
        await Center(area.Far).ReserveAsync(new ReserveRequest(created.Case!.Id, area.FarFlatbed, "tow", null, 30));
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.True(report.FixesOf(FixKinds.OtherUnitHold) >= 1);
        await AssertFreeAsync(area.Far, area.FarFlatbed, created.Case.Id);
        Assert.Contains((await Center(area.Near).GetAsync()).Reservations, r => r.IncidentId == created.Case.Id && r.ResourceId == area.NearFlatbed);
        Assert.Equal(area.NearFlatbed, (await grain.GetAsync())!.Assignment!.ResourceId);
    }

    [Fact]
    public async Task RunAsync_CaseRecordsAUnitItsCenterDoesNotHold_HoldsItAgain()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await TestCases.OpenAsync(fixture, area);
        await grain.DispatchAsync(area.NearFlatbed, null);
        await Center(area.Near).ReleaseAsync(created.Case!.Id);
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.True(report.FixesOf(FixKinds.UnheldAssignment) >= 1);
        var center = await Center(area.Near).GetAsync();
        Assert.Contains(center.Reservations, r => r.IncidentId == created.Case.Id && r.ResourceId == area.NearFlatbed);
        Assert.Equal(ResourceStatusNames.Assigned, center.Resources.Single(r => r.Id == area.NearFlatbed).Status);
        Assert.Equal(area.NearFlatbed, (await Dispatcher.GetReservationAsync(created.Case.Id))?.ResourceId);
    }

    [Fact]
    public async Task RunAsync_CaseRecordsAUnitNowHeldForAnother_LeavesBothAndReportsIt()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await TestCases.OpenAsync(fixture, area);
        await grain.DispatchAsync(area.NearFlatbed, null);
        await Center(area.Near).ReleaseAsync(created.Case!.Id);
        // Another case took the unit meanwhile, and recorded it.
        var (other, _) = await TestCases.OpenAsync(fixture, area);
        var taken = await Center(area.Near).ReserveAsync(new ReserveRequest(other.GetPrimaryKeyString(), area.NearFlatbed, "tow", null, 10));
        Assert.Equal(CaseOutcome.Ok, (await other.RecordDispatchAsync(taken.Reservation!)).Outcome);
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.True(report.Unresolved >= 1);
        var holds = (await Center(area.Near).GetAsync()).Reservations;
        Assert.DoesNotContain(holds, r => r.IncidentId == created.Case.Id);
        Assert.Contains(holds, r => r.IncidentId == other.GetPrimaryKeyString() && r.ResourceId == area.NearFlatbed);
        Assert.Equal(CaseStatus.Dispatched, (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task RunAsync_ConsistentCases_ChangesNothing()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        var dispatched = (await grain.DispatchAsync(null, null)).Case!;
        await Reconciler.RunAsync();
        fixture.Advance(PastGrace);

        var report = await Reconciler.RunAsync();

        Assert.Empty(report.Fixes);
        var after = (await grain.GetAsync())!;
        Assert.Equal((dispatched.Status, dispatched.Assignment, dispatched.Timeline.Length), (after.Status, after.Assignment, after.Timeline.Length));
        Assert.Contains((await Center(area.Near).GetAsync()).Reservations, r => r.IncidentId == dispatched.Id);
    }

    private IServiceCenterGrain Center(string id) => fixture.Grains.GetGrain<IServiceCenterGrain>(id);

    // The dispatcher holds a unit for an incident id that no case has: the silo died before the case was written.
    private async Task<string> HoldWithoutCaseAsync(IncidentArea area)
    {
        var id = TestIncidents.NewId();
        var request = TestCases.Request(id, area.Site, fixture.Now - TestCases.ReportedAgo);
        var decision = await Dispatcher.DispatchAsync(id, TestCases.IncidentOf(request), area.NearFlatbed, null);
        Assert.Equal(DispatchStatus.Dispatched, decision.Status);
        return id;
    }

    private async Task<CenterSnapshot> AssertFreeAsync(string centerId, string resourceId, string incidentId)
    {
        var center = await Center(centerId).GetAsync();
        Assert.DoesNotContain(center.Reservations, r => r.IncidentId == incidentId);
        Assert.Equal(ResourceStatusNames.Available, center.Resources.Single(r => r.Id == resourceId).Status);
        return center;
    }
}
