using Dispatch.Grains.Auditing;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Privacy;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Incidents;

/// <summary>Customer data erased on request and by retention: the case, its timeline and KPIs stay; each step of the
/// timeline says who did it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentErasureTests(ClusterFixture fixture)
{
    private static IncidentRequest WithPrivateData(IncidentRequest request) => request with
    {
        Customer = new CustomerDocument { Name = "Dawa Erase-Probe", Phone = "+86 139 5555 0505" },
        Vin = "LSVERASEPROBE0505",
        Notes = "erase-probe notes",
    };

    private async Task<(IIncidentGrain Grain, IncidentRequest Request)> OpenAsync(IncidentArea area)
    {
        var id = TestIncidents.NewId();
        var request = WithPrivateData(TestCases.Request(id, area.Site, fixture.Now - TestCases.ReportedAgo));
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);
        Assert.Equal(CaseOutcome.Created, (await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: false)).Outcome);
        return (grain, request);
    }

    [Fact]
    public async Task EraseCustomerDataAsync_OnRequest_DataGoneCaseAndKpisStay_Idempotent_RetryConflicts()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, request) = await OpenAsync(area);
        var dispatched = (await grain.DispatchAsync(null, null)).Case!;

        var erased = await grain.EraseCustomerDataAsync(ErasureReason.Request);

        Assert.Equal(CaseOutcome.Ok, erased.Outcome);
        var shown = erased.Case!;
        Assert.Null(shown.Incident.Customer);
        Assert.Null(shown.Incident.Vin);
        Assert.Null(shown.Incident.Notes);
        Assert.Equal(CaseStatus.Dispatched, shown.Status);
        Assert.Equal(dispatched.Assignment, shown.Assignment);
        Assert.Equal(dispatched.TimeToDispatchSec, shown.TimeToDispatchSec);
        var entry = Assert.Single(shown.Timeline, e => e.Type == IncidentGrain.CustomerErasedEvent);
        Assert.Equal("request", entry.Detail);

        // Again: nothing more happens.
        var again = await grain.EraseCustomerDataAsync(ErasureReason.Request);
        Assert.Equal(shown.Timeline.Length, again.Case!.Timeline.Length);

        // The original create repeated: refused, since it can no longer be matched; the case is unchanged.
        var retried = await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: false);
        Assert.Equal(CaseOutcome.Conflict, retried.Outcome);
        Assert.Contains("erased", retried.Detail, StringComparison.Ordinal);

        // Steps after the erasure still work, and the data stays gone.
        Assert.Equal(CaseOutcome.Ok, (await grain.AddEventAsync(CaseStatus.Completed, null, null)).Outcome);
        Assert.Null((await grain.GetAsync())!.Incident.Customer);
    }

    [Fact]
    public async Task EraseCustomerDataAsync_UnknownCase_NotFound()
    {
        var result = await fixture.Grains.GetGrain<IIncidentGrain>(TestIncidents.NewId()).EraseCustomerDataAsync(ErasureReason.Request);
        Assert.Equal(CaseOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task SweepAsync_ClosedBeforeCutoff_Erased_OpenAndLaterClosedKept()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (closed, _) = await OpenAsync(area);
        var (open, _) = await OpenAsync(area);
        Assert.Equal(CaseOutcome.Ok, (await closed.AddEventAsync(CaseStatus.Cancelled, null, null)).Outcome);
        var sweeper = fixture.Grains.GetGrain<IRetentionSweeperGrain>(RetentionSweeperGrain.Key);

        // Not yet due: closed at the grains' now, which is after this cutoff.
        await SweepAllAsync(sweeper, fixture.Now - TimeSpan.FromSeconds(1));
        Assert.NotNull((await closed.GetAsync())!.Incident.Customer);

        await SweepAllAsync(sweeper, fixture.Now + TimeSpan.FromSeconds(1));

        var erased = (await closed.GetAsync())!;
        Assert.Null(erased.Incident.Customer);
        Assert.Null(erased.Incident.Vin);
        var entry = Assert.Single(erased.Timeline, e => e.Type == IncidentGrain.CustomerErasedEvent);
        Assert.Equal("retention", entry.Detail);
        Assert.Equal(Caller.System, entry.By);
        Assert.Equal(CaseStatus.Cancelled, erased.Status);
        Assert.NotNull((await open.GetAsync())!.Incident.Customer);

        // The index forgot it: a later sweep does not erase it again.
        await SweepAllAsync(sweeper, fixture.Now + TimeSpan.FromSeconds(2));
        Assert.Single((await closed.GetAsync())!.Timeline, e => e.Type == IncidentGrain.CustomerErasedEvent);
        foreach (var bucket in ClosedCases.Day(fixture.Grains, DateOnly.FromDateTime(fixture.Now.UtcDateTime)))
        {
            Assert.Empty(await bucket.DueAsync(fixture.Now + TimeSpan.FromSeconds(2), 10_000));
        }
    }

    [Fact]
    public async Task Timeline_CallerInRequestContext_EntriesCarryItsKeyId_OtherwiseSystem()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        IIncidentGrain grain;
        try
        {
            Caller.Set("key-agent-1");
            (grain, _) = await OpenAsync(area);
            await grain.DispatchAsync(null, null);
        }
        finally
        {
            RequestContext.Clear();
        }

        await grain.AddEventAsync(CaseStatus.Cancelled, null, null);

        var timeline = (await grain.GetAsync())!.Timeline;
        Assert.Equal(["created", "dispatched", "cancelled"], timeline.Select(e => e.Type));
        Assert.Equal(["key-agent-1", "key-agent-1", Caller.System], timeline.Select(e => e.By));
    }

    private static async Task SweepAllAsync(IRetentionSweeperGrain sweeper, DateTimeOffset cutoff)
    {
        while ((await sweeper.SweepAsync(cutoff, 50)).More)
        {
        }
    }
}
