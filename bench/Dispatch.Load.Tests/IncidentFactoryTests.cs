using Dispatch.Load.Workload;

namespace Dispatch.Load.Tests;

public class IncidentFactoryTests
{
    private static readonly NetworkView Network = new(
        ["flat_tire", "battery", "stuck"],
        [],
        [new Coordinates(29.65, 91.1), new Coordinates(36.6, 101.8)],
        ["205/55R16", "255/45R20"]);

    [Fact]
    public void Next_SameSeed_SameIncident()
    {
        var factory = new IncidentFactory(Network);

        Assert.Equal(factory.Next(new Random(5), "a"), factory.Next(new Random(5), "a"));
    }

    [Fact]
    public void Next_ManyDraws_StayNearDemandPointsAndUseTheCatalog()
    {
        var factory = new IncidentFactory(Network, jitterKm: 3);
        var random = new Random(11);

        for (var i = 0; i < 2000; i++)
        {
            var incident = factory.Next(random, null);
            Assert.True(Network.DemandPoints.Min(p => GeoJitter.HaversineKm(p, incident.Location)) <= 3.0001);
            Assert.Contains(incident.Fault, Network.Faults);
            Assert.Contains(incident.Vehicle.TireSpec, Network.TireSpecs);
            Assert.Contains(incident.Vehicle.Powertrain, new[] { "ice", "bev", "phev", "erev" });
            Assert.Contains(incident.Priority, new[] { "p1", "p2", "p3" });
        }
    }

    [Fact]
    public void Constructor_NoDemandPoints_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IncidentFactory(Network with { DemandPoints = [] }));
    }

    [Theory]
    [InlineData(0, 0, 3, 0)]
    [InlineData(29.65, 91.1, 2.5, 1.2)]
    [InlineData(-45, 179.99, 5, 1.5707963)]
    public void Move_DistanceAndBearing_LandsThatFarAway(double lat, double lon, double km, double bearing)
    {
        var from = new Coordinates(lat, lon);

        var to = GeoJitter.Move(from, km, bearing);

        Assert.Equal(km, GeoJitter.HaversineKm(from, to), 2);
        Assert.InRange(to.Lon, -180, 180);
    }
}
