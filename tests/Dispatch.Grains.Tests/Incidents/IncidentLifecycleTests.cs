using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;

namespace Dispatch.Grains.Tests.Incidents;

/// <summary>The case state machine: open, dispatched, enroute, onscene, (towing), completed, forward only and
/// skipping steps once dispatched; cancelled until closed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentLifecycleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AddEventAsync_TowCaseAlongItsLife_EveryStepRecorded()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await grain.DispatchAsync(null, null);
        var at = fixture.Now;

        await grain.AddEventAsync(CaseStatus.Enroute, at.AddMinutes(1), null);
        await grain.AddEventAsync(CaseStatus.OnScene, at.AddMinutes(11), area.Site);
        await grain.AddEventAsync(CaseStatus.Towing, at.AddMinutes(20), null);
        var done = await grain.AddEventAsync(CaseStatus.Completed, at.AddMinutes(80), area.NearLocation);

        Assert.Equal(CaseOutcome.Ok, done.Outcome);
        var view = done.Case!;
        Assert.Equal(CaseStatus.Completed, view.Status);
        Assert.Equal(
            ["created", CaseStatus.Dispatched, CaseStatus.Enroute, CaseStatus.OnScene, CaseStatus.Towing, CaseStatus.Completed],
            view.Timeline.Select(t => t.Type));
        Assert.Equal(
            [at.AddMinutes(1), at.AddMinutes(11), at.AddMinutes(20), at.AddMinutes(80)],
            view.Timeline.Skip(2).Select(t => t.At));
        Assert.Equal(area.Site, view.Timeline[3].Position);
        Assert.All(view.Timeline.Skip(2), t => Assert.Equal(area.NearFlatbed, t.ResourceId));
    }

    [Fact]
    public async Task AddEventAsync_WithoutTime_StampedWithTheGrainClock()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await grain.DispatchAsync(null, null);
        fixture.Advance(TimeSpan.FromMinutes(2));

        var result = await grain.AddEventAsync(CaseStatus.Enroute, null, null);

        Assert.Equal(fixture.Now, result.Case!.Timeline[^1].At);
    }

    [Theory]
    [InlineData(CaseStatus.Open, CaseStatus.Enroute)]
    [InlineData(CaseStatus.Open, CaseStatus.OnScene)]
    [InlineData(CaseStatus.Open, CaseStatus.Towing)]
    [InlineData(CaseStatus.Open, CaseStatus.Completed)]
    [InlineData(CaseStatus.Dispatched, CaseStatus.Dispatched)]
    [InlineData(CaseStatus.Enroute, CaseStatus.Enroute)]
    [InlineData(CaseStatus.OnScene, CaseStatus.Enroute)]
    [InlineData(CaseStatus.Towing, CaseStatus.OnScene)]
    [InlineData(CaseStatus.Completed, CaseStatus.Cancelled)]
    [InlineData(CaseStatus.Completed, CaseStatus.Completed)]
    [InlineData(CaseStatus.Cancelled, CaseStatus.Enroute)]
    [InlineData(CaseStatus.Cancelled, CaseStatus.Cancelled)]
    public async Task AddEventAsync_IllegalTransition_ConflictAndNothingChanges(string from, string eventType)
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await TestCases.WalkToAsync(grain, from);
        var before = (await grain.GetAsync())!;

        var result = await grain.AddEventAsync(eventType, null, null);

        Assert.Equal(CaseOutcome.Conflict, result.Outcome);
        var after = (await grain.GetAsync())!;
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Timeline.ToArray(), after.Timeline.ToArray());
    }

    [Fact]
    public async Task AddEventAsync_TowingAnOnsiteJob_Conflict()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area, fault: "flat_tire");
        await TestCases.WalkToAsync(grain, CaseStatus.OnScene, area.NearVan, "onsite");

        var result = await grain.AddEventAsync(CaseStatus.Towing, null, null);

        Assert.Equal(CaseOutcome.Conflict, result.Outcome);
        Assert.Equal(CaseStatus.OnScene, (await grain.GetAsync())!.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.Dispatched)]
    [InlineData(CaseStatus.Enroute)]
    [InlineData(CaseStatus.OnScene)]
    public async Task AddEventAsync_CancelledBeforeTowing_Allowed(string from)
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await TestCases.WalkToAsync(grain, from);

        var result = await grain.AddEventAsync(CaseStatus.Cancelled, null, null);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        Assert.Equal(CaseStatus.Cancelled, result.Case!.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Dispatched, CaseStatus.OnScene)]
    [InlineData(CaseStatus.Dispatched, CaseStatus.Completed)]
    [InlineData(CaseStatus.Enroute, CaseStatus.Completed)]
    [InlineData(CaseStatus.Dispatched, CaseStatus.Towing)]
    public async Task AddEventAsync_ForwardSkip_Allowed(string from, string eventType)
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await TestCases.WalkToAsync(grain, from);

        var result = await grain.AddEventAsync(eventType, null, null);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        Assert.Equal(eventType, result.Case!.Status);
    }

    [Fact]
    public async Task AddEventAsync_TowingThenCancelled_Allowed()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await TestCases.WalkToAsync(grain, CaseStatus.Towing);

        var result = await grain.AddEventAsync(CaseStatus.Cancelled, null, null);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
    }

    [Theory]
    [InlineData(CaseStatus.Completed)]
    [InlineData(CaseStatus.Cancelled)]
    public async Task DispatchAsync_ClosedCase_Conflict(string closed)
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await TestCases.WalkToAsync(grain, closed);

        var result = await grain.DispatchAsync(null, null);

        Assert.Equal(CaseOutcome.Conflict, result.Outcome);
        Assert.Equal(closed, result.Case!.Status);
    }
}
