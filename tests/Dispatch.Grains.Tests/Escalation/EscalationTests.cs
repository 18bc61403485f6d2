using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Grains.Tests.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Tests.Escalation;

/// <summary>Escalation on live case grains, driven by the test silos' fake clock: the grain timer fires at the
/// deadline, each level once, never for a case that was dispatched (or closed) in time.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EscalationTests(ClusterFixture fixture)
{
    // The fake clock moves at once; the grain's timer tick that follows runs on its own, so the tests wait for its write.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<IIncidentGrain> OpenAsync(IncidentArea area, TimeSpan reportedAgo)
    {
        var id = TestIncidents.NewId();
        var request = TestCases.Request(id, area.Site, fixture.Now - reportedAgo);
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);
        Assert.Equal(CaseOutcome.Created, (await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: false)).Outcome);
        return grain;
    }

    private static async Task<CaseView> WaitForAsync(IIncidentGrain grain, Func<CaseView, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var view = (await grain.GetAsync())!;
            if (condition(view))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"waited {Patience} for the case; its timeline: {string.Join(", ", view.Timeline.Select(t => t.Type + t.Level))}");
            await Task.Delay(50);
        }
    }

    private static int[] Levels(CaseView view) => [.. view.Timeline.Where(t => t.Type == CaseSla.Escalated).Select(t => t.Level!.Value)];

    private static int Overdues(CaseView view) => view.Timeline.Count(t => t.Type == CaseSla.Overdue);

    [Fact]
    public async Task Timer_OpenCaseReachesTwoMinutes_EscalatedLevel1Once()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var grain = await OpenAsync(area, TimeSpan.FromSeconds(90));

        fixture.Advance(TimeSpan.FromSeconds(29));
        var before = (await grain.GetAsync())!;
        fixture.Advance(TimeSpan.FromSeconds(1));
        var escalated = await WaitForAsync(grain, v => v.EscalationLevel == 1);
        fixture.Advance(TimeSpan.FromMinutes(5));
        var later = await grain.GetAsync();

        Assert.Empty(Levels(before));
        Assert.Equal(0, before.EscalationLevel);
        var entry = Assert.Single(escalated.Timeline, t => t.Type == CaseSla.Escalated);
        Assert.Equal(1, entry.Level);
        Assert.Equal([1], Levels(later!));
    }

    [Fact]
    public async Task Timer_StillOpenTenMinutesAfterLevel1_Level2OnceAfterLevel1()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var grain = await OpenAsync(area, TimeSpan.FromSeconds(90));

        fixture.Advance(TimeSpan.FromSeconds(30));
        await WaitForAsync(grain, v => v.EscalationLevel == 1);
        fixture.Advance(TimeSpan.FromMinutes(10));
        var second = await WaitForAsync(grain, v => v.EscalationLevel == 2);
        fixture.Advance(TimeSpan.FromHours(1));
        var later = (await grain.GetAsync())!;

        Assert.Equal([1, 2], Levels(second));
        Assert.Equal([1, 2], Levels(later));
        Assert.Equal(2, later.EscalationLevel);
    }

    [Fact]
    public async Task Timer_DispatchedAtOneMinute_NeverEscalated()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var dispatched = await OpenAsync(area, TimeSpan.FromMinutes(1));
        var control = await OpenAsync(area, TimeSpan.FromMinutes(1));
        Assert.Equal(CaseOutcome.Ok, (await dispatched.DispatchAsync(null, null)).Outcome);

        // The control case, opened with it and left open, shows the clock went past both levels.
        fixture.Advance(TimeSpan.FromMinutes(15));
        await WaitForAsync(control, v => v.EscalationLevel == 2);
        var view = (await dispatched.GetAsync())!;

        Assert.Empty(Levels(view));
        Assert.Equal(0, view.EscalationLevel);
        Assert.Equal(CaseStatus.Dispatched, view.Status);
    }

    [Fact]
    public async Task Create_CallAlreadyPastTheDeadline_EscalatedInTheWriteThatOpensIt()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var id = TestIncidents.NewId();
        var request = TestCases.Request(id, area.Site, fixture.Now - TimeSpan.FromMinutes(5));
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);

        var created = await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: false);
        var result = await grain.DispatchAsync(null, null);

        Assert.Equal(["created", CaseSla.Escalated], created.Case!.Timeline.Select(t => t.Type));
        Assert.Equal(1, created.Case.EscalationLevel);
        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        var types = result.Case!.Timeline.Select(t => t.Type).ToArray();
        Assert.Equal(["created", CaseSla.Escalated, CaseStatus.Dispatched], types);
        Assert.Equal(1, result.Case.EscalationLevel);
    }

    [Fact]
    public async Task Create_AutoDispatchedInTheRequestThatOpensIt_NotEscalated()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var id = TestIncidents.NewId();
        var request = TestCases.Request(id, area.Site, fixture.Now - TimeSpan.FromMinutes(5));
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);

        var created = await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: true);

        Assert.Equal(CaseOutcome.Created, created.Outcome);
        Assert.Equal(["created", CaseStatus.Dispatched], created.Case!.Timeline.Select(t => t.Type));
        Assert.Equal(0, created.Case.EscalationLevel);
    }

    [Fact]
    public async Task Timer_DispatchedCaseNotClosedIn48Hours_OverdueOnce()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var grain = await OpenAsync(area, TimeSpan.FromSeconds(30));
        await grain.DispatchAsync(null, null);

        fixture.Advance(TimeSpan.FromHours(48));
        var overdue = await WaitForAsync(grain, v => Overdues(v) > 0);
        fixture.Advance(TimeSpan.FromHours(1));
        var closed = await grain.AddEventAsync(CaseStatus.Completed, null, null);

        Assert.Equal(1, Overdues(overdue));
        Assert.Empty(Levels(overdue));
        Assert.Equal(CaseOutcome.Ok, closed.Outcome);
        Assert.Equal(1, Overdues(closed.Case!));
    }

    [Fact]
    public async Task Timer_CaseClosedWithinTheStandard_NeverOverdue()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var closed = await OpenAsync(area, TimeSpan.FromSeconds(30));
        var control = await OpenAsync(area, TimeSpan.FromSeconds(30));
        await TestCases.WalkToAsync(closed, CaseStatus.Completed);
        await control.DispatchAsync(null, null);

        fixture.Advance(TimeSpan.FromHours(49));
        await WaitForAsync(control, v => Overdues(v) == 1);
        var view = (await closed.GetAsync())!;

        Assert.Equal(0, Overdues(view));
        Assert.Empty(Levels(view));
    }

    [Fact]
    public async Task Reminder_OpenCaseHasOne_ClosedCaseNone()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var grain = await OpenAsync(area, TimeSpan.FromSeconds(10));
        var table = fixture.Cluster.ServiceProvider.GetService<IReminderTable>()
            ?? fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.GetActiveSilos().First().SiloAddress).GetRequiredService<IReminderTable>();
        var grainId = grain.GetGrainId();

        await WaitForReminderAsync(table, grainId, present: true);
        await grain.AddEventAsync(CaseStatus.Cancelled, null, null);
        await WaitForReminderAsync(table, grainId, present: false);
    }

    private static async Task WaitForReminderAsync(IReminderTable table, GrainId grainId, bool present)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await table.ReadRows(grainId)).Reminders.Any(r => r.ReminderName == IncidentGrain.SlaReminderName) != present)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the case's reminder is still {(present ? "missing" : "there")} after {Patience}");
            await Task.Delay(50);
        }
    }
}
