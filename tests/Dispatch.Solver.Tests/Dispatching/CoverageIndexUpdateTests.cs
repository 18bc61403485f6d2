using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>The coverage index and availability follow status, position and stock changes.</summary>
public sealed class CoverageIndexUpdateTests
{
    private const int Precision = 6;

    // u1 at Base and u2 20 km south both cover d1 (30 km south of Base: etas 30 and 10, standard 60).
    // d2 (190 km south) is covered by nobody until u2 moves next to it.
    private static DispatchEngine TwoCoverers() =>
        NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u1", "flatbed").Resource("u2", "flatbed", position: Places.South(Places.Base, 20)))
            .DemandPoint("d1", Places.South(Places.Base, 30), 5)
            .DemandPoint("d2", Places.South(Places.Base, 190), 7)
            .BuildEngine();

    [Fact]
    public void CoverageLoss_BothCover_NoLoss()
    {
        var engine = TwoCoverers();

        Assert.Equal(2, engine.CoverCount("tow", "d1"));
        Assert.Equal(0, engine.CoverCount("tow", "d2"));
        Assert.Equal(0, engine.CoverageLoss("u1"), Precision);
        Assert.Equal(0, engine.CoverageLoss("u2"), Precision);
    }

    [Theory]
    [InlineData(ResourceStatus.Assigned)]
    [InlineData(ResourceStatus.Offline)]
    public void SetResourceStatus_OtherCovererLeaves_LossMovesToRemainingOne(ResourceStatus status)
    {
        var engine = TwoCoverers();

        engine.SetResourceStatus("u2", status);

        Assert.Equal(1, engine.CoverCount("tow", "d1"));
        Assert.Equal(5, engine.CoverageLoss("u1"), Precision);
        Assert.Equal(0, engine.CoverageLoss("u2"), Precision);
        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);
        Assert.Equal(5, result.SingleOptionOf("u1").Breakdown.CoverageLoss, Precision);
        Assert.Equal(ReasonCodes.NotAvailable, result.ReasonFor("u2"));
    }

    [Fact]
    public void SetResourceStatus_ReturnToAvailable_RestoresCoverage()
    {
        var engine = TwoCoverers();
        engine.SetResourceStatus("u2", ResourceStatus.Assigned);

        engine.SetResourceStatus("u2", ResourceStatus.Available);

        Assert.Equal(2, engine.CoverCount("tow", "d1"));
        Assert.Equal(0, engine.CoverageLoss("u1"), Precision);
        Assert.True(engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All).IsOffered("u2"));
    }

    [Fact]
    public void MoveResource_AwayFromDemand_ChangesWhatItCovers()
    {
        var engine = TwoCoverers();

        engine.MoveResource("u2", Places.South(Places.Base, 200));

        // u2 is now 170 km from d1 (not covered) and 10 km from d2 (covered, alone).
        Assert.Equal(1, engine.CoverCount("tow", "d1"));
        Assert.Equal(1, engine.CoverCount("tow", "d2"));
        Assert.Equal(5, engine.CoverageLoss("u1"), Precision);
        Assert.Equal(7, engine.CoverageLoss("u2"), Precision);
        Assert.Equal(200, engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All).SingleOptionOf("u2").EtaMin, Precision);
    }

    [Fact]
    public void MoveResource_BackAgain_RestoresCoverage()
    {
        var engine = TwoCoverers();
        engine.MoveResource("u2", Places.South(Places.Base, 200));

        engine.MoveResource("u2", Places.South(Places.Base, 20));

        Assert.Equal(2, engine.CoverCount("tow", "d1"));
        Assert.Equal(0, engine.CoverCount("tow", "d2"));
        Assert.Equal(0, engine.CoverageLoss("u1"), Precision);
        Assert.Equal(0, engine.CoverageLoss("u2"), Precision);
    }

    [Fact]
    public void MoveResource_WhileAssigned_CoversFromNewPositionOnReturn()
    {
        // A completed job frees the unit where it finished: it covers from there.
        var engine = TwoCoverers();
        engine.SetResourceStatus("u2", ResourceStatus.Assigned);
        engine.MoveResource("u2", Places.South(Places.Base, 200));

        engine.SetResourceStatus("u2", ResourceStatus.Available);

        Assert.Equal(1, engine.CoverCount("tow", "d1"));
        Assert.Equal(1, engine.CoverCount("tow", "d2"));
        Assert.Equal(7, engine.CoverageLoss("u2"), Precision);
    }

    [Fact]
    public void SetStock_FreeStockGoesAndComes_PartOutOfStockAppearsAndDisappears()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van").Stock("BATT-12V", 1))
            .BuildEngine();
        var incident = TestIncidents.At(Places.Base, fault: "battery");
        Assert.True(engine.Recommend(incident, RecommendationQuery.All).IsOffered("van"));

        engine.SetStock("c", "BATT-12V", 1, 1);
        Assert.Equal(ReasonCodes.PartOutOfStock, engine.Recommend(incident, RecommendationQuery.All).ReasonFor("van"));

        engine.SetStock("c", "BATT-12V", 2, 1);
        Assert.Equal("BATT-12V", engine.Recommend(incident, RecommendationQuery.All).SingleOptionOf("van").Part);
    }

    [Fact]
    public void SetStock_NewSku_MakesPartAvailable()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van"))
            .BuildEngine();
        var incident = TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: "205/55R16");
        Assert.Equal(ReasonCodes.PartOutOfStock, engine.Recommend(incident, RecommendationQuery.All).ReasonFor("van"));

        engine.SetStock("c", "TIRE-205/55R16", 1, 0);

        Assert.Equal("TIRE-205/55R16", engine.Recommend(incident, RecommendationQuery.All).SingleOptionOf("van").Part);
    }

    [Fact]
    public void ToDocument_AfterChanges_ReflectsLiveStatusPositionAndStock()
    {
        var engine = TwoCoverers();
        var moved = Places.South(Places.Base, 200);
        engine.SetResourceStatus("u1", ResourceStatus.Offline);
        engine.MoveResource("u2", moved);
        engine.SetStock("c", "BATT-12V", 3, 1);

        var center = Assert.Single(engine.ToDocument().Centers!);

        Assert.Equal("offline", Assert.Single(center.Resources!, r => r.Id == "u1").Status);
        Assert.Equal(moved, Assert.Single(center.Resources!, r => r.Id == "u2").Position);
        Assert.Equal(new Documents.StockLevel { OnHand = 3, Reserved = 1 }, center.Stock!["BATT-12V"]);
    }
}
