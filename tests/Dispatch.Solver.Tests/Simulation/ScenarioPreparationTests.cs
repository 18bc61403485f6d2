using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using static Dispatch.Solver.Tests.Simulation.SimulationFixtures;

namespace Dispatch.Solver.Tests.Simulation;

public sealed class ScenarioPreparationTests
{
    private static IReadOnlyList<string> ErrorPaths(ScenarioRequest request)
    {
        var preparation = ScenarioRunner.Prepare(request, null);
        Assert.False(preparation.IsValid);
        return [.. preparation.Errors.Select(e => e.Path)];
    }

    private static ScenarioRequest WithChanges(ScenarioChanges changes) => Generated(SmallWorld()) with { Changes = changes };

    [Fact]
    public void Prepare_UnknownCenterToClose_ErrorAtItsPlace()
    {
        Assert.Equal(["changes.closeCenters[1]"], ErrorPaths(WithChanges(new ScenarioChanges { CloseCenters = ["c-north", "c-nowhere"] })));
    }

    [Fact]
    public void Prepare_AddedRuleWithBadZone_ErrorUnderAddRules()
    {
        var badZone = GeoJsonValue.FromJson("""{"type":"Polygon","coordinates":[[[105,29],[106,29],[106,30]]]}""");
        var paths = ErrorPaths(WithChanges(new ScenarioChanges
        {
            AddRules = [new RuleDocument { Id = "r-new", Kind = "deny", Types = ["flatbed"], Zone = badZone }],
        }));

        Assert.Contains(paths, p => p.StartsWith("changes.addRules[0].zone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    [InlineData(-1)]
    public void Prepare_DaysOutOfRange_ErrorAtDays(double days)
    {
        Assert.Equal(["demand.generate.days"], ErrorPaths(Generated(SmallWorld(), days: days)));
    }

    [Fact]
    public void Prepare_ReplayedIncidentWithoutReportedAt_ErrorAtItsPath()
    {
        var request = Replay(SmallWorld(), [Call("a", 0, Places.Base), Call("b", 5, Places.Base) with { ReportedAt = null }]);

        Assert.Equal(["demand.incidents[1].reportedAt"], ErrorPaths(request));
    }

    [Fact]
    public void Prepare_ReplayedIdsRepeatedOrMissing_Errors()
    {
        var request = Replay(SmallWorld(), [Call("a", 0, Places.Base), Call("a", 5, Places.Base), Call("x", 6, Places.Base) with { Id = null }]);

        Assert.Equal(["demand.incidents[1].id", "demand.incidents[2].id"], ErrorPaths(request));
    }

    [Fact]
    public void Prepare_BothOrNeitherDemand_ErrorAtDemand()
    {
        var both = Generated(SmallWorld()) with
        {
            Demand = new DemandDocument { Incidents = [Call("a", 0, Places.Base)], Generate = Generated(SmallWorld()).Demand!.Generate },
        };

        Assert.Equal(["demand"], ErrorPaths(both));
        Assert.Equal(["demand"], ErrorPaths(both with { Demand = new DemandDocument() }));
        Assert.Equal(["demand"], ErrorPaths(both with { Demand = null }));
    }

    [Fact]
    public void Prepare_BadChangesEverywhere_EveryErrorWithItsPath()
    {
        var paths = ErrorPaths(WithChanges(new ScenarioChanges
        {
            AddResources =
            [
                new AddedResourceDocument { CenterId = "c-gone", Id = "n1", Type = "flatbed" },
                new AddedResourceDocument { CenterId = "c-south", Id = "f-south", Type = "flatbed" },
                new AddedResourceDocument { CenterId = "c-south", Id = "n3", Type = "hovercraft" },
            ],
            RemoveResources = ["nope"],
            Stock = [new StockSettingDocument { CenterId = "c-south", Sku = "TIRE-X", OnHand = -2 }],
            RemoveRules = ["no-such-rule"],
        }));

        Assert.Equal(
            ["changes.removeResources[0]", "changes.removeRules[0]", "changes.addResources[0].centerId", "changes.addResources[1].id",
             "changes.addResources[2].type", "changes.stock[0].onHand"],
            paths);
    }

    [Fact]
    public void Prepare_ParameterOverrideOutOfRange_ErrorUnderChangesParameters()
    {
        var paths = ErrorPaths(WithChanges(new ScenarioChanges { Parameters = new NetworkParameters { CoverageLambda = -1 } }));

        Assert.Equal(["changes.parameters.coverageLambda"], paths);
    }

    [Fact]
    public void Prepare_BadPolicyAndWait_Errors()
    {
        var request = Generated(SmallWorld()) with { Policy = "fastest", BaselinePolicy = "", MaxWaitMin = -5 };

        Assert.Equal(["policy", "baselinePolicy", "maxWaitMin"], ErrorPaths(request));
    }

    [Fact]
    public void Prepare_SurgeWithUnknownRegionAndBackwardSpan_Errors()
    {
        var request = Generated(SmallWorld(), surges:
        [
            new SurgeDocument { Region = "R9", From = T0, To = T0.AddDays(1), Factor = 3 },
            new SurgeDocument { Region = NetworkBuilder.NorthRegion, From = T0.AddDays(1), To = T0, Factor = 3 },
            new SurgeDocument { From = T0, To = T0.AddDays(1), Factor = 3 },
        ]);

        Assert.Equal(["demand.generate.surges[0].region", "demand.generate.surges[1].to", "demand.generate.surges[2]"], ErrorPaths(request));
    }

    [Fact]
    public void Prepare_TooManyCallsToGenerate_ErrorAtGenerate()
    {
        Assert.Equal(["demand.generate"], ErrorPaths(Generated(SmallWorld(), days: 400, ratePerDay: 100_000)));
    }

    [Fact]
    public void Prepare_ShortStrongSurge_CountedForItsSpanOnly()
    {
        // 40,000 calls in a day with a hundredfold surge for one minute: about 43,000 calls. Counting the factor
        // for the whole day would make it 4 million and refuse the request.
        var surge = new SurgeDocument { Region = NetworkBuilder.NorthRegion, From = T0.AddHours(3), To = T0.AddHours(3).AddMinutes(1), Factor = 100 };

        Assert.True(ScenarioRunner.Prepare(Generated(SmallWorld(), days: 1, ratePerDay: 40_000, surges: [surge]), null).IsValid);
    }

    [Fact]
    public void Prepare_LiveBaseWithoutLiveNetwork_ErrorAtBase()
    {
        Assert.Equal(["base"], ErrorPaths(Generated(SmallWorld()) with { Base = ScenarioBase.Live }));
    }

    [Fact]
    public void Prepare_LiveBaseWithAssignedUnitsAndReservedStock_StartsThemFree()
    {
        var live = NetworkBuilder.Create()
            .Center("c1", Places.Base, c => c.Resource("f1", "flatbed", status: "assigned").Stock("TIRE-X", 2, reserved: 2))
            .DemandPoint("d1", Places.Base, 1)
            .Build();

        var preparation = ScenarioRunner.Prepare(Generated(live) with { Base = ScenarioBase.Live }, live);

        Assert.True(preparation.IsValid);
        var center = Assert.Single(preparation.Scenario.BaselineNetwork.Centers!);
        Assert.Equal("available", Assert.Single(center.Resources!).Status);
        Assert.Equal(0, center.Stock!["TIRE-X"].Reserved);
        Assert.Equal(2, center.Stock!["TIRE-X"].OnHand);
    }

    [Fact]
    public void Prepare_Changes_AppliedToTheScenarioOnly()
    {
        var request = WithChanges(new ScenarioChanges
        {
            CloseCenters = ["c-north"],
            AddResources = [new AddedResourceDocument { CenterId = "c-south", Id = "f-new", Type = "flatbed" }],
            RemoveResources = ["w-south"],
            Stock = [new StockSettingDocument { CenterId = "c-south", Sku = "TIRE-225/45R18", OnHand = 1 }],
            Parameters = new NetworkParameters { CoverageLambda = 3 },
        });

        var prepared = Prepared(request);

        var south = Assert.Single(prepared.ScenarioNetwork.Centers!);
        Assert.Equal(["f-south", "v-south", "f-new"], south.Resources!.Select(r => r.Id));
        Assert.Equal(1, south.Stock!["TIRE-225/45R18"].OnHand);
        Assert.Equal(3, prepared.ScenarioNetwork.Parameters!.CoverageLambda);
        Assert.Equal(2, prepared.BaselineNetwork.Centers!.Count);
        Assert.Equal(1.0, prepared.BaselineNetwork.Parameters!.CoverageLambda);
        Assert.Equal(5, prepared.BaselineNetwork.Centers![0].Stock!["TIRE-225/45R18"].OnHand);
    }
}
