using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Coverage": who covers a demand point, per coverage class, and the loss that
/// only one resource covers.</summary>
/// <remarks>Default test world: 60 km/h, circuity 1, speed factor 1 (eta = km), standard 60 min, region weight 1.</remarks>
public sealed class CoverageTests
{
    private const int Precision = 6;

    [Fact]
    public void CoverageLoss_DemandCoveredByTwo_CountsOnlyDemandCoveredAlone()
    {
        // u1 at Base covers d1 (30 km) and d2 (30 km); u2 80 km south covers d1 (50 km) but not d2 (110 km).
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u1", "flatbed").Resource("u2", "flatbed", position: Places.South(Places.Base, 80)))
            .DemandPoint("d1", Places.South(Places.Base, 30), 5)
            .DemandPoint("d2", Places.North(Places.Base, 30), 3)
            .BuildEngine();

        Assert.Equal(2, engine.CoverCount("tow", "d1"));
        Assert.Equal(1, engine.CoverCount("tow", "d2"));
        Assert.Equal(3, engine.CoverageLoss("u1"), Precision);
        Assert.Equal(0, engine.CoverageLoss("u2"), Precision);
    }

    [Fact]
    public void CoverageLoss_OtherClassCoversSamePoint_DoesNotShareLoss()
    {
        // The van is of class "service": it does not relieve the flatbed (class "tow"), and vice versa.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed").Resource("van", "service_van"))
            .DemandPoint("d1", Places.South(Places.Base, 30), 5)
            .BuildEngine();

        Assert.Equal(1, engine.CoverCount("tow", "d1"));
        Assert.Equal(1, engine.CoverCount("service", "d1"));
        Assert.Equal(5, engine.CoverageLoss("fb"), Precision);
        Assert.Equal(5, engine.CoverageLoss("van"), Precision);
    }

    [Fact]
    public void CoverageLoss_RegionWeight_MultipliesDemandWeight()
    {
        var engine = NetworkBuilder.Create()
            .ChangeRegion(NetworkBuilder.SouthRegion, r => r with { CoverageWeight = 3 })
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .DemandPoint("d1", Places.South(Places.Base, 30), 2.5)
            .BuildEngine();

        Assert.Equal(7.5, engine.CoverageLoss("fb"), Precision); // 2.5 * 3
    }

    [Theory]
    [InlineData(90, false)] // eta 100 > 90
    [InlineData(110, true)] // eta 100 <= 110
    public void CoverCount_DemandPointRegionStandard_DecidesCoverage(double northStandard, bool covered)
    {
        // d lies in R2, 100 km north of a flatbed standing in R1; R1's own standard (500) must not be used.
        var engine = NetworkBuilder.Create()
            .ChangeRegion(NetworkBuilder.SouthRegion, r => r with { CoverageStandardMin = 500 })
            .ChangeRegion(NetworkBuilder.NorthRegion, r => r with { CoverageStandardMin = northStandard, CoverageWeight = 3 })
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .DemandPoint("d", Places.North(Places.Base, 100), 2)
            .BuildEngine();

        Assert.Equal(covered ? 1 : 0, engine.CoverCount("tow", "d"));
        Assert.Equal(covered ? 6 : 0, engine.CoverageLoss("fb"), Precision); // 2 * 3 when covered
    }

    [Theory]
    [InlineData(1.0, true)] // eta 100 <= 110
    [InlineData(1.2, false)] // eta 60 * 100 * 1.2 / 60 = 120 > 110
    public void CoverCount_DemandPointRegionCircuity_EntersCoverageEta(double northCircuity, bool covered)
    {
        var engine = NetworkBuilder.Create()
            .ChangeRegion(NetworkBuilder.NorthRegion, r => r with { CoverageStandardMin = 110, Circuity = northCircuity })
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .DemandPoint("d", Places.North(Places.Base, 100), 2)
            .BuildEngine();

        Assert.Equal(covered ? 1 : 0, engine.CoverCount("tow", "d"));
    }

    [Fact]
    public void CoverCount_Mobilization_EntersCoverageEta()
    {
        // 30 km + 40 min mobilization = 70 > 60.
        var engine = NetworkBuilder.Create()
            .ResourceType("flatbed", mobilizationMin: 40)
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .DemandPoint("d", Places.South(Places.Base, 30), 1)
            .BuildEngine();

        Assert.Equal(0, engine.CoverCount("tow", "d"));
    }

    [Theory]
    [InlineData(120, false)] // center to d: 100 + 30 = 130 km > 120
    [InlineData(140, true)]
    public void CoverCount_ServiceRadius_MeasuredFromCenter(double radiusKm, bool covered)
    {
        // The flatbed stands at Base, 30 km from d (eta 30), but its center is 100 km south of Base.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 100), c => c.Radius(radiusKm).Resource("fb", "flatbed", position: Places.Base))
            .DemandPoint("d", Places.North(Places.Base, 30), 1)
            .BuildEngine();

        Assert.Equal(covered ? 1 : 0, engine.CoverCount("tow", "d"));
    }

    [Fact]
    public void CoverCount_EtaFromResourcePosition_NotFromCenter()
    {
        // The center is 10 km from d but the flatbed stands 100 km away: eta 100 > 60.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 10), c => c.Resource("fb", "flatbed", position: Places.South(Places.Base, 100)))
            .DemandPoint("d", Places.Base, 1)
            .BuildEngine();

        Assert.Equal(0, engine.CoverCount("tow", "d"));
    }

    [Fact]
    public void CoverCount_StaticDenyRule_BarsListedTypeOnly()
    {
        var d = Places.South(Places.Base, 30);
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed").Resource("wl", "wheel_lift"))
            .DemandPoint("d", d, 5)
            .Rule(AccessRules.Deny("no-flatbeds", ["flatbed"], zone: Places.ZoneAround(d)))
            .BuildEngine();

        Assert.Equal(1, engine.CoverCount("tow", "d"));
        Assert.Equal(0, engine.CoverageLoss("fb"), Precision);
        Assert.Equal(5, engine.CoverageLoss("wl"), Precision);
    }

    [Fact]
    public void CoverCount_StaticPartnerOnlyRule_BarsDirectCoverOnly()
    {
        var d = Places.South(Places.Base, 30);
        var engine = NetworkBuilder.Create()
            .Center("c-direct", Places.Base, c => c.Resource("fb-direct", "flatbed"))
            .Center("c-partner", Places.South(Places.Base, 10), c => c.Partner().Resource("fb-partner", "flatbed"))
            .DemandPoint("d", d, 5)
            .Rule(AccessRules.PartnerOnly("partners", ["flatbed"], zone: Places.ZoneAround(d)))
            .BuildEngine();

        Assert.Equal(1, engine.CoverCount("tow", "d"));
        Assert.Equal(0, engine.CoverageLoss("fb-direct"), Precision);
        Assert.Equal(5, engine.CoverageLoss("fb-partner"), Precision);
    }

    [Theory]
    [InlineData(true, false)] // zone + window
    [InlineData(false, true)] // zone + expressway scope
    [InlineData(true, true)] // zone + window + expressway scope
    public void CoverCount_RuleWithWindowOrScope_DoesNotAffectCoverage(bool withWindow, bool withScope)
    {
        var d = Places.South(Places.Base, 30);
        var window = withWindow ? AccessRules.Window("00:00", "23:59") : null;
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .DemandPoint("d", d, 5)
            .Rule(AccessRules.Deny("timed", ["flatbed"], zone: Places.ZoneAround(d), scope: withScope ? AccessRules.Expressway : null, window: window))
            .BuildEngine();

        Assert.Equal(1, engine.CoverCount("tow", "d"));
        Assert.Equal(5, engine.CoverageLoss("fb"), Precision);
    }

    [Fact]
    public void CoverCount_ExpresswayRuleWithoutZone_DoesNotAffectCoverage()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .DemandPoint("d", Places.South(Places.Base, 30), 5)
            .Rule(AccessRules.Deny("expressway", ["flatbed"], scope: AccessRules.Expressway))
            .BuildEngine();

        Assert.Equal(1, engine.CoverCount("tow", "d"));
        Assert.Equal(5, engine.CoverageLoss("fb"), Precision);
    }

    [Fact]
    public void CoverageLoss_UnavailableResource_IsZeroAndDoesNotCover()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed", status: "offline"))
            .DemandPoint("d", Places.South(Places.Base, 30), 5)
            .BuildEngine();

        Assert.Equal(0, engine.CoverCount("tow", "d"));
        Assert.Equal(0, engine.CoverageLoss("fb"), Precision);
    }

    [Fact]
    public void Recommend_Breakdown_CarriesEngineCoverageLoss()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u1", "flatbed").Resource("u2", "flatbed", position: Places.South(Places.Base, 80)))
            .DemandPoint("d1", Places.South(Places.Base, 30), 5)
            .DemandPoint("d2", Places.North(Places.Base, 30), 3)
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(3, result.SingleOptionOf("u1").Breakdown.CoverageLoss, Precision);
        Assert.Equal(0, result.SingleOptionOf("u2").Breakdown.CoverageLoss, Precision);
    }
}
