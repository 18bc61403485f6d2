using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Incidents;

namespace Dispatch.Grains.Tests.Queue;

/// <summary>The waiting queue when its own write fails (docs/waiting-and-reassign.md): the write that freed the unit
/// stands, and the waiting case gets the hold the queue made for it, once.</summary>
public sealed class QueueFaultTests(FlakyCasesFixture fixture) : IClassFixture<FlakyCasesFixture>
{
    private IDispatcherGrain Dispatcher => fixture.Grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    private async Task<IIncidentGrain> OpenAsync(IncidentArea area)
    {
        var id = TestIncidents.NewId();
        var request = TestCases.Request(id, area.Site, fixture.Now - TestCases.ReportedAgo);
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);
        await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: true);
        return grain;
    }

    private async Task<CaseView> WaitForAsync(IIncidentGrain grain, Func<CaseView, bool> done)
    {
        for (var tries = 0; ; tries++)
        {
            var view = (await grain.GetAsync())!;
            if (done(view))
            {
                return view;
            }

            Assert.True(tries < 600, $"case {view.Id} stayed {view.Status}, waiting={view.Waiting}");

            // The queue's retries run on the grain clock.
            fixture.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Completion_QueueWriteFailsAfterServingTheWaitingCase_CompletionStandsAndTheCaseGetsTheHoldOnce()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var near = await OpenAsync(area);
        await OpenAsync(area);
        var waiting = await OpenAsync(area);
        Assert.True((await waiting.GetAsync())!.Waiting);

        // The next write of the dispatcher's own state is the queue's, after it has held the freed unit for the case.
        fixture.Storage.FailNextWriteOf("queue", IncidentGrain.Network);
        var completed = await near.AddEventAsync(CaseStatusKind.Completed, null, null);

        Assert.Equal(CaseOutcome.Ok, completed.Outcome);
        Assert.False(fixture.Storage.FailurePending("queue", IncidentGrain.Network), "the queue was never written");
        var served = await WaitForAsync(waiting, v => v.Status == CaseStatus.Dispatched);
        Assert.Equal(area.NearFlatbed, served.Assignment!.ResourceId);
        Assert.Single(served.Timeline, t => t.Type == CaseStatus.Dispatched);
        var holds = await Dispatcher.GetReservationsAsync();
        Assert.Equal(served.Id, Assert.Single(holds, h => h.ResourceId == area.NearFlatbed).IncidentId);
        for (var tries = 0; (await Dispatcher.GetQueueAsync()).Any(q => q.IncidentId == served.Id); tries++)
        {
            Assert.True(tries < 600, "the served case stayed in the queue");
            fixture.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }
}
