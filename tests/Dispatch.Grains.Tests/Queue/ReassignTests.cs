using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Incidents;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Queue;

/// <summary>docs/waiting-and-reassign.md "Reassign": the unit is swapped in one dispatcher turn; either the case holds
/// the new unit, or it keeps the old one and the answer says why.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReassignTests(ClusterFixture fixture)
{
    private const string Reason = "turned_back_by_local_rule";

    [Fact]
    public async Task ReassignAsync_AnotherUnitFree_NewUnitHeldOldOneFreeTimelineKeepsBoth()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await QueueCases.OpenAsync(fixture, area);
        Assert.Equal(area.NearFlatbed, created.Case!.Assignment!.ResourceId);
        await grain.AddEventAsync(CaseStatusKind.Enroute, null, null);

        var result = await grain.ReassignAsync(null, null, Reason);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        var view = result.Case!;
        Assert.Equal(CaseStatus.Dispatched, view.Status);
        Assert.Equal(area.FarFlatbed, view.Assignment!.ResourceId);
        Assert.Equal(["created", CaseStatus.Dispatched, CaseStatus.Enroute, QueueTimeline.Reassigned, CaseStatus.Dispatched], view.Timeline.Select(t => t.Type));
        Assert.Equal(area.NearFlatbed, view.Timeline[3].ResourceId);
        Assert.Equal(Reason, view.Timeline[3].Detail);
        Assert.Equal(area.FarFlatbed, view.Timeline[4].ResourceId);

        var dispatcher = QueueCases.Dispatcher(fixture);
        Assert.Equal(area.FarFlatbed, (await dispatcher.GetReservationAsync(view.Id))!.ResourceId);
        var next = await dispatcher.RecommendAsync(TestIncidents.Stuck(area.Site), RecommendationQuery.Default);
        Assert.Equal(area.NearFlatbed, next!.Recommendation?.ResourceId);
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, [grain]);
    }

    [Fact]
    public async Task ReassignAsync_NoOtherUnit_KeepsTheOldOneWithConflictAndRecommendation()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await QueueCases.OpenAsync(fixture, area);
        var (other, _) = await QueueCases.OpenAsync(fixture, area);
        var before = await QueueCases.Dispatcher(fixture).GetReservationAsync(grain.GetPrimaryKeyString());

        var result = await grain.ReassignAsync(null, null, Reason);

        Assert.Equal(CaseOutcome.Conflict, result.Outcome);
        Assert.NotNull(result.Recommendation);
        Assert.Equal(RecommendationStatus.Unassignable, result.Recommendation!.Status);
        Assert.Equal(area.NearFlatbed, result.Case!.Assignment!.ResourceId);
        Assert.DoesNotContain(result.Case.Timeline, t => t.Type == QueueTimeline.Reassigned);
        Assert.Equal(before!.ResourceId, (await QueueCases.Dispatcher(fixture).GetReservationAsync(grain.GetPrimaryKeyString()))!.ResourceId);
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, [grain, other]);
    }

    [Fact]
    public async Task ReassignAsync_SamePartAtSameCenter_PartOfTheReleasedUnitGoesToTheNewOne()
    {
        // One tyre: the van holds it; after reassigning to a tow the tyre is free again.
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 1);
        var (grain, created) = await QueueCases.OpenAsync(fixture, area, fault: "flat_tire");
        Assert.Equal(area.NearVan, created.Case!.Assignment!.ResourceId);

        var result = await grain.ReassignAsync(area.FarFlatbed, "tow", Reason);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        Assert.Null(result.Case!.Assignment!.Part);
        var near = await fixture.Grains.GetGrain<Dispatch.Grains.Centers.IServiceCenterGrain>(area.Near).GetAsync();
        Assert.Equal(0, near.Stock[TestIncidents.Tyre].Reserved);
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, [grain]);
    }

    [Fact]
    public async Task ReassignAsync_NamedUnitRepeated_AnsweredWithTheSameCase()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await QueueCases.OpenAsync(fixture, area);

        var first = await grain.ReassignAsync(area.FarFlatbed, null, Reason);
        var again = await grain.ReassignAsync(area.FarFlatbed, null, Reason);

        Assert.Equal(CaseOutcome.Ok, again.Outcome);
        Assert.Equal(first.Case!.Timeline.ToArray(), again.Case!.Timeline.ToArray());
    }

    [Theory]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.Towing)]
    [InlineData(CaseStatus.Completed)]
    [InlineData(CaseStatus.Cancelled)]
    public async Task ReassignAsync_NotDispatchedEnrouteOrOnscene_Conflict(string status)
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await QueueCases.OpenAsync(fixture, area, autoDispatch: false);
        await TestCases.WalkToAsync(grain, status);

        var result = await grain.ReassignAsync(null, null, Reason);

        Assert.Equal(CaseOutcome.Conflict, result.Outcome);
        Assert.Equal(status, result.Case!.Status);
    }

    [Fact]
    public async Task ReassignAsync_UnknownCase_NotFound()
    {
        var result = await fixture.Grains.GetGrain<IIncidentGrain>(TestIncidents.NewId()).ReassignAsync(null, null, Reason);

        Assert.Equal(CaseOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task ReassignAsync_ReleasedUnit_ServesTheWaitingQueue()
    {
        // A flat tyre towed by the near flatbed, the far flatbed busy: a stuck case waits (the free van cannot tow).
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (tyre, _) = await QueueCases.OpenAsync(fixture, area, fault: "flat_tire", autoDispatch: false);
        Assert.Equal(CaseOutcome.Ok, (await tyre.DispatchAsync(area.NearFlatbed, "tow")).Outcome);
        var (far, _) = await QueueCases.OpenAsync(fixture, area);
        var (waiting, created) = await QueueCases.OpenAsync(fixture, area);
        Assert.True(created.Case!.Waiting);

        // The flat tyre goes to the van instead; the flatbed it releases goes to the waiting case.
        var result = await tyre.ReassignAsync(null, null, "fixed_on_site_instead");

        Assert.Equal(area.NearVan, result.Case!.Assignment!.ResourceId);
        var view = (await QueueCases.WaitForAsync([waiting], v => v[0].Status == CaseStatus.Dispatched))[0];
        Assert.Equal(area.NearFlatbed, view.Assignment!.ResourceId);
        Assert.Equal(QueueTimeline.FromQueue, view.Timeline[^1].Detail);
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, [tyre, far, waiting]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReassignAsync_RetryAfterSwapWhoseCaseWriteFailed_CaseRecordsTheHeldUnit(bool namesUnit)
    {
        // The dispatcher swapped near for far, but the case never wrote it (as when its write failed): it still
        // records the near flatbed, and the client retries.
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await QueueCases.OpenAsync(fixture, area);
        var id = grain.GetPrimaryKeyString();
        Assert.Equal(area.NearFlatbed, created.Case!.Assignment!.ResourceId);
        var dispatcher = QueueCases.Dispatcher(fixture);
        var swapped = await dispatcher.ReassignAsync(id, TestIncidents.Stuck(area.Site), null, null, new RecordedAssignment(area.Near, area.NearFlatbed, null));
        Assert.Equal(area.FarFlatbed, swapped.Reservation!.ResourceId);

        var result = await grain.ReassignAsync(namesUnit ? area.FarFlatbed : null, null, Reason);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        Assert.Equal(area.FarFlatbed, result.Case!.Assignment!.ResourceId);
        Assert.Equal(area.NearFlatbed, result.Case.Timeline[^2].ResourceId);
        Assert.Equal(area.FarFlatbed, (await dispatcher.GetReservationAsync(id))!.ResourceId);
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, [grain]);
    }
}
