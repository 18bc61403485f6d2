using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Eligibility", check 3: a part template with {tireSpec} needs the spec
/// (<c>part_spec_unknown</c>), and the resolved SKU needs onHand - reserved >= 1 at the resource's own
/// center (<c>part_out_of_stock</c>).</summary>
public sealed class PartEligibilityTests
{
    private const string Spec = "255/45R20";
    private const string TireSku = "TIRE-255/45R20";

    [Fact]
    public void Recommend_TireTemplateWithoutTireSpec_ExcludedAsPartSpecUnknown()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van").Stock(TireSku, 5))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: null), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartSpecUnknown, result.ReasonFor("van"));
    }

    [Fact]
    public void Recommend_TireSpecKnownAndInStock_OfferedWithResolvedSku()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van").Stock(TireSku, 1))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: Spec), RecommendationQuery.All);

        var option = result.SingleOptionOf("van");
        Assert.Equal("onsite", option.Mode);
        Assert.Equal(TireSku, option.Part);
    }

    [Fact]
    public void Recommend_SkuAbsentFromCenterStock_ExcludedAsPartOutOfStock()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van").Stock("TIRE-205/55R16", 5))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: Spec), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartOutOfStock, result.ReasonFor("van"));
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(2, 2, false)] // onHand == reserved: nothing free
    [InlineData(3, 2, true)] // one free
    [InlineData(1, 0, true)]
    public void Recommend_FreeStockOfSku_DecidesPartOutOfStock(int onHand, int reserved, bool offered)
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van").Stock("BATT-12V", onHand, reserved))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "battery"), RecommendationQuery.All);

        Assert.Equal(offered, result.IsOffered("van"));
        if (!offered)
        {
            Assert.Equal(ReasonCodes.PartOutOfStock, result.ReasonFor("van"));
        }
        else
        {
            Assert.Equal("BATT-12V", result.SingleOptionOf("van").Part);
        }
    }

    [Fact]
    public void Recommend_StockOnlyAtAnotherCenter_ExcludedAsPartOutOfStock()
    {
        var engine = NetworkBuilder.Create()
            .Center("c-empty", Places.Base, c => c.Resource("van", "service_van"))
            .Center("c-full", Places.South(Places.Base, 50), c => c.Stock("BATT-12V", 10))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "battery"), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartOutOfStock, result.ReasonFor("van"));
    }

    [Fact]
    public void Recommend_TemplateWithoutTireSpecPlaceholder_DoesNotNeedTireSpec()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("van", "service_van").Stock("BATT-12V", 1))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "battery", tireSpec: null), RecommendationQuery.All);

        Assert.Equal("BATT-12V", result.SingleOptionOf("van").Part);
    }

    [Fact]
    public void Recommend_ModeWithoutPart_OfferedWithNullPart()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "stuck"), RecommendationQuery.All);

        Assert.Null(result.SingleOptionOf("fb").Part);
    }
}
