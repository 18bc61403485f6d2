using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Incidents;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Queue;

/// <summary>docs/waiting-and-reassign.md "Waiting queue": a case opened with autoDispatch that no unit may take waits,
/// in the order of the simulator's queue, and is dispatched as soon as a unit frees up.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitingQueueTests(ClusterFixture fixture)
{
    /// <summary>Both flatbeds of the area held by stuck cases (the only units that may tow).</summary>
    private async Task<(IIncidentGrain Near, IIncidentGrain Far)> TakeBothFlatbedsAsync(IncidentArea area)
    {
        var (first, a) = await QueueCases.OpenAsync(fixture, area);
        var (second, b) = await QueueCases.OpenAsync(fixture, area);
        Assert.Equal(area.NearFlatbed, a.Case!.Assignment?.ResourceId);
        Assert.Equal(area.FarFlatbed, b.Case!.Assignment?.ResourceId);
        return (first, second);
    }

    [Fact]
    public async Task CreateAsync_AutoDispatchNoUnitFree_CaseWaitsAndTimelineSaysWhy()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        await TakeBothFlatbedsAsync(area);

        var (grain, created) = await QueueCases.OpenAsync(fixture, area);

        Assert.Equal(CaseOutcome.Unassignable, created.Outcome);
        var view = created.Case!;
        Assert.Equal(CaseStatus.Open, view.Status);
        Assert.True(view.Waiting);
        Assert.Equal(["created", QueueTimeline.Waiting], view.Timeline.Select(t => t.Type));
        Assert.Contains(ReasonCodes.NotAvailable, view.Timeline[^1].Detail);
        Assert.Contains(await QueueCases.Dispatcher(fixture).GetQueueAsync(), q => q.IncidentId == view.Id);
    }

    [Fact]
    public async Task CreateAsync_WithoutAutoDispatch_NeverWaits()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        await TakeBothFlatbedsAsync(area);

        var (_, created) = await QueueCases.OpenAsync(fixture, area, autoDispatch: false);

        Assert.False(created.Case!.Waiting);
        Assert.DoesNotContain(await QueueCases.Dispatcher(fixture).GetQueueAsync(), q => q.IncidentId == created.Case.Id);
    }

    [Fact]
    public async Task CompleteAsync_UnitFreesUp_WaitingCaseDispatchedFromQueue()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (near, _) = await TakeBothFlatbedsAsync(area);
        var (waiting, _) = await QueueCases.OpenAsync(fixture, area);

        await near.AddEventAsync(CaseStatusKind.Completed, null, null);

        var view = (await QueueCases.WaitForAsync([waiting], v => v[0].Status == CaseStatus.Dispatched))[0];
        Assert.Equal(area.NearFlatbed, view.Assignment!.ResourceId);
        Assert.False(view.Waiting);
        Assert.Equal(["created", QueueTimeline.Waiting, CaseStatus.Dispatched], view.Timeline.Select(t => t.Type));
        Assert.Equal(QueueTimeline.FromQueue, view.Timeline[^1].Detail);
        Assert.DoesNotContain(await QueueCases.Dispatcher(fixture).GetQueueAsync(), q => q.IncidentId == view.Id);
    }

    [Fact]
    public async Task UnitsFreeUp_OneAtATime_ServedByPriorityThenReportedAtThenId()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (near, far) = await TakeBothFlatbedsAsync(area);

        // Opened in an order that is none of the expected one.
        var (p3Early, _) = await QueueCases.OpenAsync(fixture, area, "p3", TimeSpan.FromMinutes(30));
        var (p1Late, _) = await QueueCases.OpenAsync(fixture, area, "p1", TimeSpan.FromMinutes(1));
        var (p2, _) = await QueueCases.OpenAsync(fixture, area, "p2", TimeSpan.FromMinutes(20));
        var (p1Early, _) = await QueueCases.OpenAsync(fixture, area, "p1", TimeSpan.FromMinutes(10));
        IIncidentGrain[] expected = [p1Early, p1Late, p2, p3Early];
        var ids = expected.Select(g => g.GetPrimaryKeyString()).ToHashSet();

        var queued = (await QueueCases.Dispatcher(fixture).GetQueueAsync()).Where(q => ids.Contains(q.IncidentId)).Select(q => q.IncidentId);
        Assert.Equal(expected.Select(g => g.GetPrimaryKeyString()), queued);

        // Each case served frees its unit for the next, one at a time.
        var holder = near;
        foreach (var next in expected)
        {
            await holder.AddEventAsync(CaseStatusKind.Completed, null, null);
            await QueueCases.WaitForAsync([next], v => v[0].Status == CaseStatus.Dispatched);
            var others = await Task.WhenAll(expected.Where(g => g != next).Select(g => g.GetAsync()));
            var servedSoFar = expected.TakeWhile(g => g != next).Select(g => g.GetPrimaryKeyString()).ToHashSet();
            Assert.All(others.Where(o => !servedSoFar.Contains(o!.Id)), o => Assert.Equal(CaseStatus.Open, o!.Status));
            holder = next;
        }

        await far.AddEventAsync(CaseStatusKind.Cancelled, null, null);
        await holder.AddEventAsync(CaseStatusKind.Cancelled, null, null);
    }

    [Fact]
    public async Task AddEventAsync_WaitingCaseCancelled_LeavesTheQueueAndTakesNoUnit()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (near, _) = await TakeBothFlatbedsAsync(area);
        var (waiting, created) = await QueueCases.OpenAsync(fixture, area);

        var cancelled = await waiting.AddEventAsync(CaseStatusKind.Cancelled, null, null);
        await near.AddEventAsync(CaseStatusKind.Completed, null, null);

        Assert.False(cancelled.Case!.Waiting);
        Assert.DoesNotContain(await QueueCases.Dispatcher(fixture).GetQueueAsync(), q => q.IncidentId == created.Case!.Id);
        Assert.Null(await QueueCases.Dispatcher(fixture).GetReservationAsync(created.Case!.Id));
        var next = await QueueCases.Dispatcher(fixture).RecommendAsync(TestIncidents.Stuck(area.Site), RecommendationQuery.Default);
        Assert.Equal(area.NearFlatbed, next!.Recommendation?.ResourceId);
    }

    [Fact]
    public async Task SetResourceStatusAsync_UnitBackOnDuty_WaitingCaseDispatched()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var dispatcher = QueueCases.Dispatcher(fixture);
        await dispatcher.SetResourceStatusAsync(area.NearFlatbed, ResourceStatus.Offline);
        await dispatcher.SetResourceStatusAsync(area.FarFlatbed, ResourceStatus.Offline);
        var (waiting, created) = await QueueCases.OpenAsync(fixture, area);
        Assert.True(created.Case!.Waiting);

        await dispatcher.SetResourceStatusAsync(area.FarFlatbed, ResourceStatus.Available);

        var view = (await QueueCases.WaitForAsync([waiting], v => v[0].Status == CaseStatus.Dispatched))[0];
        Assert.Equal(area.FarFlatbed, view.Assignment!.ResourceId);
        await waiting.AddEventAsync(CaseStatusKind.Cancelled, null, null);
        await dispatcher.SetResourceStatusAsync(area.NearFlatbed, ResourceStatus.Available);
    }

    [Fact]
    public async Task AdjustStockAsync_PartAdded_CaseWaitingForThePartDispatched()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 0);
        var dispatcher = QueueCases.Dispatcher(fixture);

        // A flat tyre that only the van may fix (no tow): the tow mode's units are off duty.
        await dispatcher.SetResourceStatusAsync(area.NearFlatbed, ResourceStatus.Offline);
        await dispatcher.SetResourceStatusAsync(area.FarFlatbed, ResourceStatus.Offline);
        var (waiting, created) = await QueueCases.OpenAsync(fixture, area, fault: "flat_tire");
        Assert.True(created.Case!.Waiting);
        Assert.Contains(ReasonCodes.PartOutOfStock, created.Case.Timeline[^1].Detail);

        await dispatcher.AdjustStockAsync(area.Near, TestIncidents.Tyre, 1);

        var view = (await QueueCases.WaitForAsync([waiting], v => v[0].Status == CaseStatus.Dispatched))[0];
        Assert.Equal(area.NearVan, view.Assignment!.ResourceId);
        Assert.Equal(TestIncidents.Tyre, view.Assignment.Part);
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, [waiting]);
    }

    [Fact]
    public async Task ManyConcurrentCompletions_QueueDrains_NeverDoubleBooks()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 2);
        var all = new List<IIncidentGrain>();

        // Three units (two flatbeds, a van with two tyres) and twelve flat tyres: the first three are dispatched,
        // the other nine wait; completions come in concurrent waves.
        for (var i = 0; i < 12; i++)
        {
            all.Add((await QueueCases.OpenAsync(fixture, area, i % 3 == 0 ? "p1" : "p3", TimeSpan.FromMinutes(60 - i), "flat_tire")).Grain);
        }

        var dispatcher = QueueCases.Dispatcher(fixture);
        for (var wave = 0; wave < 12; wave++)
        {
            var views = await Task.WhenAll(all.Select(async g => (Grain: g, View: (await g.GetAsync())!)));
            await QueueCases.AssertNoDoubleBookingAsync(fixture, area, all);

            // Priority holds across waves: no p3 got a unit while a p1 still waits.
            Assert.False(views.Any(v => v.View.Waiting && v.View.Incident.Priority == "p1")
                && views.Any(v => v.View.Incident.Priority == "p3" && v.View.Timeline.Any(t => t.Type == QueueTimeline.Waiting) && v.View.Assignment is not null),
                "a waiting p3 case was served while a p1 case still waits");
            var busy = views.Where(v => v.View.StatusKind == CaseStatusKind.Dispatched).Select(v => v.Grain).ToList();
            if (busy.Count == 0)
            {
                break;
            }

            await Task.WhenAll(busy.Select(g => g.AddEventAsync(CaseStatusKind.Completed, null, area.Site)));

            // The queue was served inside the completions' turns; wait for the cases to record their holds.
            var held = (await dispatcher.GetReservationsAsync()).Select(r => r.IncidentId).ToHashSet();
            await QueueCases.WaitForAsync(all, v => v.All(c => held.Contains(c.Id) == (c.StatusKind == CaseStatusKind.Dispatched)));
        }

        var final = await Task.WhenAll(all.Select(async g => (await g.GetAsync())!));
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, all);

        // Tyres ran out after two: the rest were towed. Nobody is left waiting, and each was dispatched once.
        Assert.All(final, v => Assert.False(v.Waiting));
        Assert.All(final, v => Assert.Single(v.Timeline, t => t.Type == CaseStatus.Dispatched));
        Assert.Equal(12, final.Count(v => v.Status == CaseStatus.Completed));
    }

    [Fact]
    public async Task Reactivation_QueueSurvives_AndIsStillServed()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (near, _) = await TakeBothFlatbedsAsync(area);
        var (waiting, created) = await QueueCases.OpenAsync(fixture, area);
        var dispatcher = QueueCases.Dispatcher(fixture);

        await fixture.Cluster.DeactivateAsync(dispatcher);

        Assert.Contains(await dispatcher.GetQueueAsync(), q => q.IncidentId == created.Case!.Id);
        await near.AddEventAsync(CaseStatusKind.Completed, null, null);
        var view = (await QueueCases.WaitForAsync([waiting], v => v[0].Status == CaseStatus.Dispatched))[0];
        Assert.Equal(area.NearFlatbed, view.Assignment!.ResourceId);
    }

    [Fact]
    public async Task EndStrayHoldAsync_UnitFreed_ServesTheWaitingQueue()
    {
        // A hold no case knows of (the reconciler's stray) takes the near flatbed, a case the far one; a third waits.
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var dispatcher = QueueCases.Dispatcher(fixture);
        var stray = (await dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(area.Site), area.NearFlatbed, null)).Reservation!;
        var (busy, _) = await QueueCases.OpenAsync(fixture, area);
        var (waiting, created) = await QueueCases.OpenAsync(fixture, area);
        Assert.True(created.Case!.Waiting);

        Assert.True(await dispatcher.EndStrayHoldAsync(stray, null));

        var view = (await QueueCases.WaitForAsync([waiting], v => v[0].Status == CaseStatus.Dispatched))[0];
        Assert.Equal(area.NearFlatbed, view.Assignment!.ResourceId);
        await QueueCases.AssertNoDoubleBookingAsync(fixture, area, [busy, waiting]);
    }
}
