using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;

namespace Dispatch.Grains.Tests.Incidents;

[Collection(ClusterCollection.Name)]
public sealed class IncidentCreateTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CreateAsync_NewCase_OpenWithCreatedEntryAndListedOpen()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);

        var (grain, created) = await TestCases.OpenAsync(fixture, area);

        Assert.Equal(CaseOutcome.Created, created.Outcome);
        var view = created.Case!;
        Assert.Equal(grain.GetPrimaryKeyString(), view.Id);
        Assert.Equal(CaseStatus.Open, view.Status);
        Assert.Null(view.Assignment);
        Assert.Null(view.TimeToDispatchSec);
        Assert.Equal(new TimelineEntry("created", fixture.Now, By: "system"), Assert.Single(view.Timeline));
        Assert.Equal(area.Site, view.Incident.Location);
        var open = await IncidentRegistry.ListAsync(fixture.Grains, IncidentGrain.Network, [CaseStatusKind.Open]);
        Assert.Contains(open, l => l.Id == view.Id && l.Status == CaseStatus.Open);
    }

    [Fact]
    public async Task CreateAsync_SameRequestAgain_SameCaseNotCreatedTwice()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await TestCases.OpenAsync(fixture, area);
        // Later, but before the case's 2-minute deadline (an escalation would rightly join the timeline).
        fixture.Advance(TimeSpan.FromSeconds(20));

        var again = await grain.CreateAsync(created.Case!.Incident, TestCases.IncidentOf(created.Case.Incident), autoDispatch: false);

        Assert.Equal(CaseOutcome.Ok, again.Outcome);
        Assert.Equal(created.Case.Timeline.ToArray(), again.Case!.Timeline.ToArray());
        Assert.Equal(CaseStatus.Open, again.Case.Status);
    }

    [Fact]
    public async Task CreateAsync_DefaultsLeftOut_CaseShowsThemAndTheSameBodyRetriedIsTheSameCase()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var id = TestIncidents.NewId();
        var sent = TestCases.Request(id, area.Site, fixture.Now) with { ReportedAt = null, OnExpressway = null };
        var incident = TestCases.IncidentOf(sent with { ReportedAt = fixture.Now });
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);

        var created = await grain.CreateAsync(sent, incident, autoDispatch: false);
        fixture.Advance(TimeSpan.FromSeconds(5));
        var retried = await grain.CreateAsync(sent, incident with { ReportedAt = fixture.Now }, autoDispatch: false);

        Assert.Equal(CaseOutcome.Created, created.Outcome);
        Assert.Equal(incident.ReportedAt, created.Case!.Incident.ReportedAt);
        Assert.False(created.Case.Incident.OnExpressway);
        Assert.Equal(CaseOutcome.Ok, retried.Outcome);
        Assert.Equal(incident.ReportedAt, retried.Case!.Incident.ReportedAt);
    }

    [Fact]
    public async Task CreateAsync_SameIdDifferentRequest_ConflictAndCaseUnchanged()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await TestCases.OpenAsync(fixture, area);
        var different = created.Case!.Incident with { Fault = "flat_tire" };

        var result = await grain.CreateAsync(different, TestCases.IncidentOf(different), autoDispatch: false);

        Assert.Equal(CaseOutcome.Conflict, result.Outcome);
        Assert.Equal("stuck", (await grain.GetAsync())!.Incident.Fault);
    }

    [Fact]
    public async Task CreateAsync_AutoDispatch_CreatedAndDispatchedToTheNearestUnit()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);

        var (grain, created) = await TestCases.OpenAsync(fixture, area, autoDispatch: true);

        Assert.Equal(CaseOutcome.Created, created.Outcome);
        Assert.Equal(CaseStatus.Dispatched, created.Case!.Status);
        Assert.Equal(area.NearFlatbed, created.Case.Assignment?.ResourceId);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();
        Assert.Equal(grain.GetPrimaryKeyString(), Assert.Single(center.Reservations).IncidentId);
    }

    [Fact]
    public async Task CreateAsync_RetriedWithAutoDispatch_DispatchesTheOpenCaseOnce()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, created) = await TestCases.OpenAsync(fixture, area);
        var request = created.Case!.Incident;

        var first = await grain.CreateAsync(request with { AutoDispatch = true }, TestCases.IncidentOf(request), autoDispatch: true);
        var second = await grain.CreateAsync(request with { AutoDispatch = true }, TestCases.IncidentOf(request), autoDispatch: true);

        Assert.Equal(CaseStatus.Dispatched, first.Case!.Status);
        Assert.Equal(first.Case.Assignment, second.Case!.Assignment);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();
        Assert.Single(center.Reservations);
    }

    [Fact]
    public async Task GetAsync_AfterDeactivation_CaseReadBackFromStorage()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        var dispatched = (await grain.DispatchAsync(null, null)).Case!;

        await fixture.Cluster.DeactivateAsync(grain);

        var reloaded = await grain.GetAsync();
        Assert.NotNull(reloaded);
        Assert.Equal(dispatched.Status, reloaded.Status);
        Assert.Equal(dispatched.Assignment, reloaded.Assignment);
        Assert.Equal(dispatched.Timeline.ToArray(), reloaded.Timeline.ToArray());
        Assert.Equal(dispatched.Incident, reloaded.Incident);
    }

    [Fact]
    public async Task GetAsync_NeverCreated_Null()
    {
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(TestIncidents.NewId());

        Assert.Null(await grain.GetAsync());
        Assert.Equal(CaseOutcome.NotFound, (await grain.DispatchAsync(null, null)).Outcome);
        Assert.Equal(CaseOutcome.NotFound, (await grain.AddEventAsync(CaseStatus.Cancelled, null, null)).Outcome);
    }

    [Fact]
    public async Task ListAsync_ClosedCase_LeavesTheOpenList()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        var id = grain.GetPrimaryKeyString();

        await TestCases.WalkToAsync(grain, CaseStatus.Completed);

        Task<ImmutableArray<IncidentListing>> ListAsync(ImmutableArray<CaseStatusKind> statuses) => IncidentRegistry.ListAsync(fixture.Grains, IncidentGrain.Network, statuses);
        Assert.DoesNotContain(await ListAsync([CaseStatusKind.Open, CaseStatusKind.Dispatched]), l => l.Id == id);
        Assert.Contains(await ListAsync([CaseStatusKind.Completed]), l => l.Id == id);
        Assert.Contains(await ListAsync(ImmutableArray<CaseStatusKind>.Empty), l => l.Id == id && l.Status == CaseStatus.Completed);
    }
}
