using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>Cover counts and coverage loss on the hand network: d1 lies at lat 31.2 in region A
/// (standard 120 min, weight 10 * coverageWeight 2.0 = 20); fb1 reaches it in 76.72 min, van1 in 55.04 min.</summary>
public sealed class ReferenceCoverageTests
{
    private static NetworkDocument WithRules(params RuleDocument[] rules) => HandNetwork.Document with { Rules = rules };

    [Fact]
    public void CoverCount_HandNetwork_OneOfEachClass()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        Assert.Equal(1, reference.CoverCount("tow", "d1"));
        Assert.Equal(1, reference.CoverCount("service", "d1"));
        Assert.Equal(20, reference.CoverageLoss("fb1"));
        Assert.Equal(20, reference.CoverageLoss("van1"));
        Assert.Equal(0, reference.CoverageLoss("fb2")); // 299.1 min away from d1
    }

    [Fact]
    public void CoverageLoss_SecondCoveringFlatbed_NoLossUntilItGoesOffline()
    {
        var center = HandNetwork.CenterOne with
        {
            Resources = [.. HandNetwork.CenterOne.Resources!, new ResourceDocument { Id = "fb3", Type = "flatbed", Status = "available" }],
        };
        var reference = new ReferenceDispatcher(HandNetwork.Document with { Centers = [center, HandNetwork.CenterTwo] });

        Assert.Equal(2, reference.CoverCount("tow", "d1"));
        Assert.Equal(0, reference.CoverageLoss("fb1"));

        reference.SetResourceStatus("fb3", ResourceStatus.Assigned);

        Assert.Equal(1, reference.CoverCount("tow", "d1"));
        Assert.Equal(20, reference.CoverageLoss("fb1"));
        Assert.Equal(0, reference.CoverageLoss("fb3")); // an assigned resource covers nothing
    }

    [Fact]
    public void CoverCount_ResourceMovedAway_NoLongerCovers()
    {
        var reference = new ReferenceDispatcher(HandNetwork.Document);

        // From lat 31.6 fb1 needs 10 + 2 * 0.4 * 111.19508 = 98.96 min: still within 120. From 31.8: 142.07 min.
        reference.MoveResource("fb1", new GeoPoint(31.6, 101.0));
        Assert.Equal(1, reference.CoverCount("tow", "d1"));
        reference.MoveResource("fb1", new GeoPoint(31.8, 101.0));
        Assert.Equal(0, reference.CoverCount("tow", "d1"));
        Assert.Equal(0, reference.CoverageLoss("fb1"));
    }

    [Fact]
    public void CoverCount_RadiusMeasuredFromTheCenter_NotFromThePosition()
    {
        // c1 is 33.4 km from d1; with a 30 km radius nobody of c1 covers it, even parked right on d1.
        var center = HandNetwork.CenterOne with { ServiceRadiusKm = 30 };
        var reference = new ReferenceDispatcher(HandNetwork.Document with { Centers = [center, HandNetwork.CenterTwo] });
        reference.MoveResource("fb1", new GeoPoint(31.2, 101.0));

        Assert.Equal(0, reference.CoverCount("tow", "d1"));
    }

    [Fact]
    public void CoverCount_PermanentZoneDeny_Uncovers()
    {
        var reference = new ReferenceDispatcher(WithRules(new RuleDocument { Id = "r", Kind = "deny", Types = ["flatbed"], Zone = GeoJsonShapes.Rectangle(100.9, 31.1, 101.1, 31.3) }));

        Assert.Equal(0, reference.CoverCount("tow", "d1"));
        Assert.Equal(1, reference.CoverCount("service", "d1"));
    }

    [Fact]
    public void CoverCount_PartnerOnlyZone_UncoversDirectCentersOnly()
    {
        // fb2 (partner) is parked next to d1 so that it would cover it; fb1 (direct) is barred.
        var reference = new ReferenceDispatcher(WithRules(new RuleDocument { Id = "r", Kind = "partner_only", Types = ["flatbed"], Zone = GeoJsonShapes.Rectangle(100.9, 31.1, 101.1, 31.3) }));
        reference.MoveResource("fb2", new GeoPoint(31.25, 101.0));

        Assert.Equal(1, reference.CoverCount("tow", "d1"));
        Assert.Equal(0, reference.CoverageLoss("fb1"));
        Assert.Equal(20, reference.CoverageLoss("fb2"));
    }

    [Fact]
    public void CoverCount_WindowedOrScopedRules_DoNotShapeCoverage()
    {
        var zone = GeoJsonShapes.Rectangle(100.9, 31.1, 101.1, 31.3);
        var reference = new ReferenceDispatcher(WithRules(
            new RuleDocument { Id = "w", Kind = "deny", Types = ["flatbed"], Zone = zone, Window = new RuleWindowDocument { Start = "00:00", End = "23:59" } },
            new RuleDocument { Id = "s", Kind = "deny", Types = ["flatbed"], Zone = zone, Scope = "expressway" }));

        Assert.Equal(1, reference.CoverCount("tow", "d1"));
    }

    [Fact]
    public void CoverageLoss_RemoteRegionWeight_MultipliesDemand()
    {
        // d2 in region B (standard 240, weight 3.0) at lat 33.0, weight 5: fb2 is 0.5 deg away, eta 10 + 60 * 55.598 * 1.2 / 60
        // = 76.72 min; fb1 needs 10 + 1.2 * 166.79 = 210.15 min, within 240 too.
        var document = HandNetwork.Document with
        {
            DemandPoints = [.. HandNetwork.Document.DemandPoints!, new DemandPointDocument { Id = "d2", Location = new GeoPoint(33.0, 101.0), Weight = 5 }],
        };
        var reference = new ReferenceDispatcher(document);

        Assert.Equal(2, reference.CoverCount("tow", "d2"));
        Assert.Equal(0, reference.CoverageLoss("fb2"));
        reference.SetResourceStatus("fb1", ResourceStatus.Offline);
        Assert.Equal(15, reference.CoverageLoss("fb2"), 1e-12);
    }
}
