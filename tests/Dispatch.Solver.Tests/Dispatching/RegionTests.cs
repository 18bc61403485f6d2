using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Regions": the region of a point is the first region in document order
/// containing it.</summary>
public sealed class RegionTests
{
    [Theory]
    [InlineData(29.5, 105.0, "R1")]
    [InlineData(30.5, 105.0, "R2")]
    [InlineData(39.9, 109.9, "R2")]
    public void RegionOf_PointInsideOneRegion_ReturnsItsCode(double lat, double lon, string expected)
    {
        var engine = NetworkBuilder.Create().Center("c", Places.Base).BuildEngine();

        Assert.Equal(expected, engine.RegionOf(new GeoPoint(lat, lon)));
    }

    [Theory]
    [InlineData(new[] { "X", "Y" }, "X")]
    [InlineData(new[] { "Y", "X" }, "Y")]
    public void RegionOf_OverlappingRegions_ReturnsFirstInDocumentOrder(string[] order, string expected)
    {
        var areas = new Dictionary<string, GeoJsonValue>
        {
            ["X"] = Places.Rect(20, 100, 30, 110),
            ["Y"] = Places.Rect(25, 100, 35, 110),
        };
        var builder = NetworkBuilder.WithoutRegions();
        foreach (var code in order)
        {
            builder.Region(code, areas[code]);
        }

        var engine = builder.Center("c", Places.Base, c => c.Resource("u", "flatbed")).BuildEngine();
        var inBoth = new GeoPoint(27, 105);

        Assert.Equal(expected, engine.RegionOf(inBoth));
        Assert.Equal(expected, engine.Recommend(TestIncidents.At(inBoth), RecommendationQuery.All).Region);
    }

    [Fact]
    public void RegionOf_PointInNoRegion_ReturnsNull()
    {
        var engine = NetworkBuilder.Create().Center("c", Places.Base).BuildEngine();

        Assert.Null(engine.RegionOf(Places.Nowhere));
    }

    [Fact]
    public void Recommend_IncidentInNoRegion_IsOutsideServedArea()
    {
        var engine = NetworkBuilder.Create().Center("c", Places.Base, c => c.Resource("u", "flatbed")).BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Nowhere), RecommendationQuery.All);

        Assert.Equal(RecommendationStatus.OutsideServedArea, result.Status);
        Assert.Null(result.Region);
        Assert.Null(result.Recommendation);
        Assert.Empty(result.Alternatives);
    }

    [Fact]
    public void Recommend_IncidentInRegion_AnswersWithRegionCode()
    {
        var engine = NetworkBuilder.Create().Center("c", Places.Base, c => c.Resource("u", "flatbed")).BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.NorthBase), RecommendationQuery.All);

        Assert.Equal("R2", result.Region);
        Assert.Equal(RecommendationStatus.Recommended, result.Status);
    }
}
