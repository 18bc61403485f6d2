using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Incidents;

namespace Dispatch.Grains.Tests.Queue;

/// <summary>Opens cases with a given priority and report time at an <see cref="IncidentArea"/>, waits (without any
/// tight timeout) for the queue's one-way records to land, and checks the no-double-booking invariants.</summary>
internal static class QueueCases
{
    /// <summary>Generous: the machine running the tests may be loaded.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static IDispatcherGrain Dispatcher(ClusterFixture fixture) => fixture.Grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);

    public static async Task<(IIncidentGrain Grain, CaseResult Created)> OpenAsync(
        ClusterFixture fixture, IncidentArea area, string priority = "p2", TimeSpan? reportedAgo = null, string fault = "stuck", bool autoDispatch = true)
    {
        var id = TestIncidents.NewId();
        var request = TestCases.Request(id, area.Site, fixture.Now - (reportedAgo ?? TestCases.ReportedAgo), fault) with { Priority = priority };
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);
        return (grain, await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch));
    }

    /// <summary>Polls the cases until <paramref name="done"/> holds for their views.</summary>
    public static async Task<CaseView[]> WaitForAsync(IEnumerable<IIncidentGrain> grains, Func<CaseView[], bool> done)
    {
        var all = grains.ToArray();
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var views = await Task.WhenAll(all.Select(async g => (await g.GetAsync())!));
            if (done(views))
            {
                return views;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail("cases did not reach the expected state: " + string.Join("; ", views.Select(v => $"{v.Id} {v.Status} waiting={v.Waiting}")));
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Each unit held for at most one case, by the dispatcher and by the cases; each center's reserved stock
    /// equals the parts its holds name; each open (not closed) case holds what its center holds for it.</summary>
    public static async Task AssertNoDoubleBookingAsync(ClusterFixture fixture, IncidentArea area, IEnumerable<IIncidentGrain> cases)
    {
        var holds = await Dispatcher(fixture).GetReservationsAsync();
        Assert.All(holds.GroupBy(h => h.ResourceId), g => Assert.Single(g));

        foreach (var centerId in new[] { area.Near, area.Far })
        {
            var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(centerId).GetAsync();
            Assert.All(center.Reservations.GroupBy(r => r.ResourceId), g => Assert.Single(g));
            var partsHeld = center.Reservations.Count(r => r.Sku == TestIncidents.Tyre);
            Assert.Equal(partsHeld, center.Stock.GetValueOrDefault(TestIncidents.Tyre)?.Reserved ?? 0);
            Assert.All(center.Reservations, r => Assert.Equal("assigned", center.Resources.Single(u => u.Id == r.ResourceId).Status));
        }

        var views = await Task.WhenAll(cases.Select(async g => (await g.GetAsync())!));
        var active = views.Where(v => v.Assignment is not null && !v.StatusKind.IsTerminal()).ToList();
        Assert.All(active.GroupBy(v => v.Assignment!.ResourceId), g => Assert.Single(g));
    }
}
