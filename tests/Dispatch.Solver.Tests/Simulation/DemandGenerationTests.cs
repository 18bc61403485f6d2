using System.Text.Json;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using static Dispatch.Solver.Tests.Simulation.SimulationFixtures;

namespace Dispatch.Solver.Tests.Simulation;

public sealed class DemandGenerationTests
{
    private static IReadOnlyList<SimulatedCall> Calls(ScenarioRequest request) => Prepared(request).Calls;

    [Fact]
    public void Generate_SameSeed_SameStream()
    {
        var first = Calls(Generated(SmallWorld(), days: 3, seed: 42));
        var second = Calls(Generated(SmallWorld(), days: 3, seed: 42));

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
    }

    [Fact]
    public void Generate_OtherSeed_OtherStream()
    {
        Assert.NotEqual(
            JsonSerializer.Serialize(Calls(Generated(SmallWorld(), seed: 1))),
            JsonSerializer.Serialize(Calls(Generated(SmallWorld(), seed: 2))));
    }

    [Fact]
    public void Generate_KnownSeed_PinnedFirstCall()
    {
        // Pins the stream itself: a change of generator, random source or mix defaults shows up here.
        var first = Calls(Generated(SmallWorld(), days: 1, ratePerDay: 100, seed: 2026))[0];

        Assert.Equal("g0000001", first.Id);
        var text = FormattableString.Invariant($"{first.Incident.ReportedAt:O} {first.Incident.Location.Lat} {first.Incident.Location.Lon} {first.Incident.Fault} {first.Incident.Powertrain} {first.Incident.TireSpec} {first.Incident.Priority} {first.Incident.OnExpressway}");
        Assert.Equal(PinnedFirstCall, text);
    }

    private const string PinnedFirstCall = "2025-01-06T04:04:45.3554364+00:00 29.80579 105.2036 flat_tire ice 225/45R18 p1 False";

    [Fact]
    public void Generate_ManyDays_CountNearRateTimesDaysAndInOrder()
    {
        var calls = Calls(Generated(SmallWorld(), days: 20, ratePerDay: 300));

        // Poisson with mean 6,000: 5 standard deviations is about 390.
        Assert.InRange(calls.Count, 5_600, 6_400);
        Assert.True(calls.Zip(calls.Skip(1)).All(p => p.First.Incident.ReportedAt <= p.Second.Incident.ReportedAt));
        Assert.All(calls, c => Assert.InRange(c.Incident.ReportedAt, T0, T0.AddDays(20)));
    }

    [Fact]
    public void Generate_Locations_StayInTheirDemandPointsRegion()
    {
        var world = SmallWorld();
        var engine = Dispatch.Solver.Dispatching.DispatchEngine.Create(world);
        var calls = Calls(Generated(world, days: 5, ratePerDay: 400));

        // d-north lies 40 km inside R2, d-south 20 km inside R1 and d-south-far well inside R1: jitter (25 km) may
        // reach the border but never crosses it.
        var north = calls.Count(c => engine.RegionOf(c.Incident.Location) == NetworkBuilder.NorthRegion);
        var south = calls.Count(c => engine.RegionOf(c.Incident.Location) == NetworkBuilder.SouthRegion);
        Assert.Equal(calls.Count, north + south);
        // Weights 10 + 5 in R1 against 3 in R2.
        Assert.InRange((double)north / calls.Count, 3.0 / 18 - 0.03, 3.0 / 18 + 0.03);
    }

    [Fact]
    public void Generate_Night_FewerCallsThanDay()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var calls = Calls(Generated(SmallWorld(), days: 30, ratePerDay: 300));
        var hours = calls.Select(c => TimeZoneInfo.ConvertTime(c.Incident.ReportedAt, zone).Hour).ToList();

        var night = hours.Count(h => h is >= 1 and < 5);
        var day = hours.Count(h => h is >= 14 and < 18);
        Assert.True(night * 4 < day, $"night {night}, day {day}");
    }

    [Fact]
    public void Generate_SurgeInARegion_MultipliesItsCallsInTheSpanOnly()
    {
        var surge = new SurgeDocument { Region = NetworkBuilder.NorthRegion, From = T0.AddDays(10), To = T0.AddDays(13), Factor = 3 };
        var plain = Calls(Generated(SmallWorld(), days: 20, ratePerDay: 600));
        var surged = Calls(Generated(SmallWorld(), days: 20, ratePerDay: 600, surges: [surge]));
        var engine = Dispatch.Solver.Dispatching.DispatchEngine.Create(SmallWorld());

        int Count(IReadOnlyList<SimulatedCall> calls, string region, bool inSpan) => calls.Count(c =>
            engine.RegionOf(c.Incident.Location) == region && (c.Incident.ReportedAt >= surge.From && c.Incident.ReportedAt < surge.To) == inSpan);

        var ratio = (double)Count(surged, NetworkBuilder.NorthRegion, true) / Count(plain, NetworkBuilder.NorthRegion, true);
        Assert.InRange(ratio, 2.5, 3.5);
        var southRatio = (double)Count(surged, NetworkBuilder.SouthRegion, true) / Count(plain, NetworkBuilder.SouthRegion, true);
        Assert.InRange(southRatio, 0.85, 1.15);
        var outside = (double)Count(surged, NetworkBuilder.NorthRegion, false) / Count(plain, NetworkBuilder.NorthRegion, false);
        Assert.InRange(outside, 0.85, 1.15);
    }

    [Fact]
    public void Generate_SurgeInAZone_AppliesToThePointsInside()
    {
        var zone = Places.ZoneAround(Places.South(Places.Base, 80), 0.3);
        var surge = new SurgeDocument { Zone = zone, From = T0, To = T0.AddDays(10), Factor = 0 };

        var calls = Calls(Generated(SmallWorld(), days: 10, ratePerDay: 300, surges: [surge]));

        // Factor 0 silences d-south-far entirely: nothing is jittered from it.
        Assert.DoesNotContain(calls, c => Math.Abs(c.Incident.Location.Lat - Places.South(Places.Base, 80).Lat) < 0.1 && c.Incident.Location.Lat < 29);
    }

    [Fact]
    public void Generate_Mix_FollowsTheGivenTables()
    {
        var request = Generated(SmallWorld(), days: 10, ratePerDay: 300) is var r
            ? r with { Demand = r.Demand! with { Generate = r.Demand.Generate! with { Mix = new DemandMixDocument
            {
                Faults = new Dictionary<string, double> { ["battery"] = 1 },
                Priorities = new Dictionary<string, double> { ["p1"] = 1, ["p3"] = 1 },
                Powertrains = new Dictionary<string, double> { ["bev"] = 1 },
                ExpresswayShare = 1,
            } } } }
            : throw new InvalidOperationException();

        var calls = Calls(request);

        Assert.All(calls, c => Assert.Equal(("battery", "bev", true), (c.Incident.Fault, c.Incident.Powertrain, c.Incident.OnExpressway)));
        Assert.Equal(["p1", "p3"], calls.Select(c => c.Incident.Priority).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_DefaultTyreSpecs_AreTheSizesTheNetworkStocks()
    {
        var calls = Calls(Generated(SmallWorld(), days: 2));

        Assert.All(calls, c => Assert.Equal("225/45R18", c.Incident.TireSpec));
    }
}
