using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Travel time": etaMin = mobilizationMin + 60 * haversineKm * circuity /
/// (speedKmh * speedFactor), circuity and speed factor taken from the region of the destination.</summary>
public sealed class TravelTimeTests
{
    private const double Precision = 6;

    [Fact]
    public void Recommend_ResourceInIncidentRegion_EtaUsesCircuitySpeedFactorAndMobilization()
    {
        var incident = Places.Base;
        var position = Places.South(incident, 70);
        var engine = NetworkBuilder.Create()
            .ResourceType("flatbed", speedKmh: 70, mobilizationMin: 10)
            .ChangeRegion(NetworkBuilder.SouthRegion, r => r with { Circuity = 1.6, SpeedFactor = 0.6 })
            .Center("c", position, c => c.Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(incident), RecommendationQuery.All);

        // 10 + 60 * 70 * 1.6 / (70 * 0.6) = 10 + 6720 / 42 = 170
        var option = result.SingleOptionOf("u");
        Assert.Equal(170, option.EtaMin, Precision);
        Assert.Equal(170, option.Breakdown.EtaMin, Precision);
    }

    [Theory]
    [InlineData(false, 170)] // incident in R1 (circuity 1.6, speed factor 0.6): 10 + 60 * 70 * 1.6 / 42 = 170
    [InlineData(true, 70)] // incident in R2 (circuity 1, speed factor 1): 10 + 60 * 70 / 70 = 70
    public void Recommend_ResourceInOtherRegion_EtaUsesRegionOfIncident(bool incidentInNorth, double expectedEta)
    {
        var south = Places.Base;
        var north = Places.North(south, 70); // 70 km north of a point 55.6 km from the border: in R2
        var (incident, position) = incidentInNorth ? (north, south) : (south, north);
        var engine = NetworkBuilder.Create()
            .ResourceType("flatbed", speedKmh: 70, mobilizationMin: 10)
            .ChangeRegion(NetworkBuilder.SouthRegion, r => r with { Circuity = 1.6, SpeedFactor = 0.6 })
            .Center("c", position, c => c.Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(incident), RecommendationQuery.All);

        Assert.Equal(expectedEta, result.SingleOptionOf("u").EtaMin, Precision);
    }

    [Fact]
    public void Recommend_PointsOffTheMeridian_EtaUsesHaversineWithMeanEarthRadius()
    {
        var incident = new Documents.GeoPoint(28.0, 108.5);
        var position = new Documents.GeoPoint(21.0, 101.0);
        var engine = NetworkBuilder.Create()
            .ResourceType("flatbed", speedKmh: 70, mobilizationMin: 10)
            .ChangeRegion(NetworkBuilder.SouthRegion, r => r with { Circuity = 1.6, SpeedFactor = 0.6 })
            .Center("c", position, c => c.Radius(2000).Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(incident), RecommendationQuery.All);

        // haversine((21, 101), (28, 108.5)) with R = 6371.0088 km is 1086.4794074463 km (computed independently);
        // 10 + 60 * 1086.4794074463 * 1.6 / (70 * 0.6) = 2493.3815027344
        Assert.Equal(2493.3815027344, result.SingleOptionOf("u").EtaMin, 6);
    }

    [Fact]
    public void Recommend_ResourceAtIncident_EtaIsMobilizationOnly()
    {
        var engine = NetworkBuilder.Create()
            .ResourceType("flatbed", speedKmh: 70, mobilizationMin: 12.5)
            .Center("c", Places.Base, c => c.Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(12.5, result.SingleOptionOf("u").EtaMin, Precision);
    }

    [Fact]
    public void Recommend_ResourceAwayFromItsCenter_EtaStartsFromResourcePosition()
    {
        var incident = Places.Base;
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(incident, 100), c => c.Resource("u", "flatbed", position: Places.South(incident, 30)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(incident), RecommendationQuery.All);

        // 60 km/h, circuity 1, speed factor 1: 60 * 30 / 60 = 30 minutes from the resource, not 100 from the center
        Assert.Equal(30, result.SingleOptionOf("u").EtaMin, Precision);
    }
}
