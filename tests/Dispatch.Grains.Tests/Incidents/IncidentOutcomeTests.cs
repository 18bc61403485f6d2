using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Incidents;

/// <summary>What a closed case leaves behind at the center: completed consumes, cancelled gives back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentOutcomeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Completed_OnsiteWithPart_ConsumesPartAndFreesUnitAtTheEventPosition()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 2);
        var (grain, _) = await TestCases.OpenAsync(fixture, area, fault: "flat_tire");
        await TestCases.WalkToAsync(grain, CaseStatus.OnScene, area.NearVan, "onsite");
        var held = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();
        Assert.Equal(new StockSnapshot(2, 1), held.Stock[TestIncidents.Tyre]);
        var endedAt = Places.North(area.Site, 3);

        var result = await grain.AddEventAsync(CaseStatus.Completed, null, endedAt);

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        Assert.Equal(TestIncidents.Tyre, result.Case!.Assignment?.Part);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();
        Assert.Empty(center.Reservations);
        Assert.Equal(new StockSnapshot(1, 0), center.Stock[TestIncidents.Tyre]);
        Assert.Equal(new ResourceSnapshot(area.NearVan, "service_van", ResourceStatusNames.Available, endedAt.Lat, endedAt.Lon),
            center.Resources.Single(r => r.Id == area.NearVan));
    }

    [Fact]
    public async Task Completed_WithoutPosition_UnitFreedAtTheIncidentLocation()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        await TestCases.WalkToAsync(grain, CaseStatus.Completed);

        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();
        var flatbed = center.Resources.Single(r => r.Id == area.NearFlatbed);
        Assert.Equal((ResourceStatusNames.Available, area.Site.Lat, area.Site.Lon), (flatbed.Status, flatbed.Lat, flatbed.Lon));

        // The dispatcher saw it too: the flatbed now stands at the site, so it is 0 minutes away.
        var next = await fixture.Grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network)
            .RecommendAsync(TestIncidents.Stuck(area.Site), RecommendationQuery.Default);
        Assert.Equal(area.NearFlatbed, next?.Recommendation?.ResourceId);
        Assert.Equal(0, next!.Recommendation!.EtaMin, 6);
    }

    [Theory]
    [InlineData(CaseStatus.Dispatched)]
    [InlineData(CaseStatus.Enroute)]
    [InlineData(CaseStatus.OnScene)]
    public async Task Cancelled_AfterDispatch_ReleasesUnitAndPart(string from)
    {
        var area = await IncidentArea.AddAsync(fixture.Grains, tyres: 1);
        var (grain, _) = await TestCases.OpenAsync(fixture, area, fault: "flat_tire");
        await TestCases.WalkToAsync(grain, from, area.NearVan, "onsite");

        var result = await grain.AddEventAsync(CaseStatus.Cancelled, null, Places.North(area.Site, 3));

        Assert.Equal(CaseOutcome.Ok, result.Outcome);
        var center = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();
        Assert.Empty(center.Reservations);
        Assert.Equal(new StockSnapshot(1, 0), center.Stock[TestIncidents.Tyre]);
        Assert.Equal(
            new ResourceSnapshot(area.NearVan, "service_van", ResourceStatusNames.Available, area.NearLocation.Lat, area.NearLocation.Lon),
            center.Resources.Single(r => r.Id == area.NearVan));
        var next = await fixture.Grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network)
            .RecommendAsync(TestIncidents.FlatTire(area.Site), RecommendationQuery.Default);
        Assert.Equal(area.NearVan, next?.Recommendation?.ResourceId);
    }

    [Fact]
    public async Task Cancelled_OpenCase_NothingHeldNothingChanged()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var (grain, _) = await TestCases.OpenAsync(fixture, area);
        var before = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();

        await grain.AddEventAsync(CaseStatus.Cancelled, null, null);

        var after = await fixture.Grains.GetGrain<IServiceCenterGrain>(area.Near).GetAsync();
        Assert.Equal(before.Resources.ToArray(), after.Resources.ToArray());
        Assert.Equal(before.Stock, after.Stock);
    }
}
