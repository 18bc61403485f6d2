using System.Text.Json;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>The request and answer of POST /v1/planning/placement in the documents' JSON options.</summary>
public sealed class PlacementJsonTests
{
    [Fact]
    public void Deserialize_FullRequest_ReadsEveryField()
    {
        const string Json = """
            {"model": "mclp", "k": 2, "resourceType": "flatbed",
             "candidates": [{"id": "s1", "location": {"lat": 36.6, "lon": 101.8}}],
             "demand": [{"id": "d1", "location": {"lat": 36.0, "lon": 100.0}, "weight": 3.5}],
             "standardMin": 180, "existing": true,
             "travelMatrix": {"sites": ["s1"], "demand": ["d1"], "minutes": [[42.5]]},
             "timeLimitMs": 2000}
            """;

        var request = JsonSerializer.Deserialize<PlacementRequest>(Json, DocumentJson.Options)!;

        Assert.Equal("mclp", request.Model);
        Assert.Equal(2, request.K);
        Assert.Equal("flatbed", request.ResourceType);
        Assert.False(request.Candidates!.AreCenters);
        Assert.Equal("s1", request.Candidates.Sites![0].Id);
        Assert.Equal(new GeoPoint(36.6, 101.8), request.Candidates.Sites[0].Location);
        Assert.Equal(3.5, request.Demand![0].Weight);
        Assert.Equal(180, request.StandardMin);
        Assert.True(request.Existing);
        Assert.Equal(42.5, request.TravelMatrix!.Minutes![0][0]);
        Assert.Equal(2000, request.TimeLimitMs);
    }

    [Fact]
    public void Deserialize_CandidatesCenters_MeansEveryCenter()
    {
        var request = JsonSerializer.Deserialize<PlacementRequest>("""{"candidates": "centers"}""", DocumentJson.Options)!;

        Assert.True(request.Candidates!.AreCenters);
    }

    [Theory]
    [InlineData("""{"candidates": "depots"}""")]
    [InlineData("""{"candidates": 3}""")]
    public void Deserialize_CandidatesNeitherCentersNorList_Throws(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PlacementRequest>(json, DocumentJson.Options));
    }

    [Fact]
    public void Serialize_PMedianAnswer_ContractFieldsWithoutCoveredWeight()
    {
        var solution = new PlacementSolution(PlacementModel.PMedian, [0, 2], ["a", "c"], 12.5, null, null, 10, true, 0, 12.5, 7, "lagrangian-bnb");

        var json = JsonSerializer.Serialize(PlacementAnswer.From(solution), DocumentJson.Options);

        Assert.Equal("""{"sites":["a","c"],"objective":12.5,"optimal":true,"gap":0,"solveMillis":7}""", json);
    }

    [Fact]
    public void Serialize_McLpAnswer_IncludesCoveredWeight()
    {
        var solution = new PlacementSolution(PlacementModel.Mclp, [1], ["b"], 8, 8, 3, 10, false, 0.2, 10, 30, "mip");

        var json = JsonSerializer.Serialize(PlacementAnswer.From(solution), DocumentJson.Options);

        Assert.Equal("""{"sites":["b"],"objective":8,"coveredWeight":8,"optimal":false,"gap":0.2,"solveMillis":30}""", json);
    }
}
