using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Incidents;

[Collection(ClusterCollection.Name)]
public sealed class IncidentDispatchTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DispatchAsync_OpenCase_AssignsNearestUnitAndTimesTheDispatch()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);

        var result = await grain.DispatchAsync(null, null);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        var view = result.Case!;
        Assert.Equal(CaseStatus.Dispatched, view.Status);
        Assert.Equal(area.NearFlatbed, view.Assignment?.ResourceId);
        Assert.Equal(area.Near, view.Assignment?.CenterId);
        Assert.Equal("tow", view.Assignment?.Mode);
        Assert.Null(view.Assignment?.Part);
        Assert.Equal(10, view.Assignment!.EtaMin, 6);
        Assert.Equal(fixture.Now, view.Assignment.DispatchedAt);
        Assert.Equal(TestCases.ReportedAgo.TotalSeconds, view.TimeToDispatchSec);
        Assert.Equal(["created", CaseStatus.Dispatched], view.Timeline.Select(t => t.Type));
        Assert.Equal(area.NearFlatbed, view.Timeline[^1].ResourceId);
    }

    [Fact]
    public async Task DispatchAsync_Again_SameAssignmentAndOneHold()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        var first = await grain.DispatchAsync(null, null);

        var again = await grain.DispatchAsync(null, null);
        var named = await grain.DispatchAsync(area.NearFlatbed, "tow");

        Assert.Equal(CaseOutcome.Ok, again.Outcome);
        Assert.Equal(first.Case!.Assignment, again.Case!.Assignment);
        Assert.Equal(CaseOutcome.Ok, named.Outcome);
        Assert.Equal(2, again.Case.Timeline.Length);
        Assert.Single((await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync()).Reservations);
    }

    [Fact]
    public async Task DispatchAsync_AnotherUnitAfterDispatch_Conflict()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await grain.DispatchAsync(null, null);

        var other = await grain.DispatchAsync(area.FarFlatbed, null);

        Assert.Equal(CaseOutcome.Conflict, other.Outcome);
        Assert.Equal(area.NearFlatbed, other.Case!.Assignment?.ResourceId);
        Assert.Empty((await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Far).GetAsync()).Reservations);
    }

    [Fact]
    public async Task DispatchAsync_UnitTakenByAnotherCase_ConflictWithFreshRecommendationAndCaseStaysOpen()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (first, _) = await TestCases.OpenAsync(fixture, area);
        var (second, _) = await TestCases.OpenAsync(fixture, area);
        await first.DispatchAsync(area.NearFlatbed, null);

        var result = await second.DispatchAsync(area.NearFlatbed, null);

        Assert.Equal(CaseOutcome.Conflict, result.Outcome);
        Assert.Equal(area.FarFlatbed, result.Recommendation?.Recommendation?.ResourceId);
        Assert.Equal(CaseStatus.Open, result.Case!.Status);
        Assert.Null(result.Case.Assignment);
    }

    [Fact]
    public async Task DispatchAsync_SecondCaseAtTheSameSite_GetsTheNextUnit()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (first, _) = await TestCases.OpenAsync(fixture, area);
        var (second, _) = await TestCases.OpenAsync(fixture, area);

        var a = await first.DispatchAsync(null, null);
        var b = await second.DispatchAsync(null, null);

        Assert.Equal(area.NearFlatbed, a.Case!.Assignment?.ResourceId);
        Assert.Equal(area.FarFlatbed, b.Case!.Assignment?.ResourceId);
    }

    [Fact]
    public async Task DispatchAsync_NoUnitFree_UnassignableAndCaseStaysOpen()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        for (var i = 0; i < 2; i++)
        {
            var (busy, _) = await TestCases.OpenAsync(fixture, area);
            await busy.DispatchAsync(null, null);
        }

        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        var result = await grain.DispatchAsync(null, null);

        Assert.Equal(CaseOutcome.Unassignable, result.Outcome);
        Assert.Equal(RecommendationStatus.Unassignable, result.Recommendation?.Status);
        Assert.Equal(CaseStatus.Open, (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task DispatchAsync_UnitThatCannotServeTheFault_InvalidAndNothingHeld()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);

        var result = await grain.DispatchAsync(area.NearVan, null);

        Assert.Equal(CaseOutcome.Invalid, result.Outcome);
        Assert.Empty((await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync()).Reservations);
    }

    [Fact]
    public async Task DispatchAsync_UnknownUnit_NotFound()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);

        var result = await grain.DispatchAsync("no-such-unit", null);

        Assert.Equal(CaseOutcome.NotFound, result.Outcome);
        Assert.Equal(CaseStatus.Open, result.Case!.Status);
    }

    [Fact]
    public async Task RecordDispatchAsync_HoldMadeElsewhere_CaseDispatchedWithIt()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        var id = grain.GetPrimaryKeyString();
        var incident = TestCases.IncidentOf((await grain.GetAsync())!.Incident);
        var decision = await fixture.Grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network).DispatchAsync(id, incident, area.FarFlatbed, null);

        var result = await grain.RecordDispatchAsync(decision.Reservation!);
        var again = await grain.RecordDispatchAsync(decision.Reservation!);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        Assert.Equal(area.FarFlatbed, result.Case!.Assignment?.ResourceId);
        Assert.Equal(CaseStatus.Dispatched, result.Case.Status);
        Assert.Equal(CaseOutcome.Ok, again.Outcome);
        Assert.Equal(result.Case.Timeline.Length, again.Case!.Timeline.Length);
    }
}
