using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.BatchLive;

/// <summary>Small random networks around the border of the two test regions, with units of every coverage class,
/// scarce parts, demand points worth protecting, sometimes a zone rule, and a handful of open incidents.</summary>
internal static class RandomLiveNetworks
{
    private static readonly LatLonBox South = new(20, 100, 30, 110);
    private static readonly LatLonBox North = new(30, 100, 40, 110);
    private static readonly string[] Types = ["flatbed", "wheel_lift", "service_van"];
    private static readonly string[] Faults = ["stuck", "flat_tire", "battery"];
    private static readonly string[] Priorities = ["p1", "p2", "p3"];

    public static LiveBatchCase Create(int seed, int maxIncidents = 4, int maxUnits = 8)
    {
        var random = new Random(seed);
        var cheapPenalties = random.NextDouble() < 0.5;
        var builder = NetworkBuilder.Create()
            .ChangeRegion(NetworkBuilder.NorthRegion, r => r with { CoverageWeight = 2, Circuity = 1.2, CoverageStandardMin = 90 })
            .Parameters(p => p with
            {
                CoverageLambda = Math.Round(random.NextDouble() * 2, 2),
                UnassignedPenaltyMin = cheapPenalties
                    ? new Dictionary<string, double> { ["p1"] = 300, ["p2"] = 150, ["p3"] = 60 }
                    : p.UnassignedPenaltyMin,
            });

        var units = 0;
        var unitTarget = random.Next(3, maxUnits + 1);
        for (var c = 0; units < unitTarget; c++)
        {
            var location = Near(random);
            var partner = random.NextDouble() < 0.3;
            var radius = 60 + (random.NextDouble() * 200);
            var count = Math.Min(unitTarget - units, random.Next(1, 4));
            var first = units;
            builder.Center($"c{c}", location, center =>
            {
                if (partner)
                {
                    center.Partner();
                }

                center.Radius(radius);
                for (var u = 0; u < count; u++)
                {
                    var position = random.NextDouble() < 0.4 ? Near(random) : null;
                    var status = random.NextDouble() < 0.15 ? "offline" : "available";
                    center.Resource($"u{first + u}", Types[random.Next(Types.Length)], position, status);
                }

                var tires = random.Next(0, 3);
                center.Stock("TIRE-A", tires, random.NextDouble() < 0.3 ? Math.Min(1, tires) : 0);
                center.Stock("BATT-12V", random.Next(0, 3));
            });
            units += count;
        }

        for (var d = 0; d < random.Next(2, 8); d++)
        {
            builder.DemandPoint($"d{d}", Near(random), Math.Round(1 + (random.NextDouble() * 40), 2));
        }

        var zones = new Dictionary<string, LatLonBox>(StringComparer.Ordinal);
        if (random.NextDouble() < 0.4)
        {
            var middle = Near(random);
            var zone = new LatLonBox(middle.Lat - 0.3, middle.Lon - 0.3, middle.Lat + 0.3, middle.Lon + 0.3);
            zones["zone-rule"] = zone;
            var types = random.NextDouble() < 0.5 ? new[] { "flatbed" } : ["wheel_lift", "service_van"];
            var zoneJson = Places.Rect(zone.MinLat, zone.MinLon, zone.MaxLat, zone.MaxLon);
            builder.Rule(random.NextDouble() < 0.5 ? AccessRules.Deny("zone-rule", types, zoneJson) : AccessRules.PartnerOnly("zone-rule", types, zoneJson));
        }

        var incidents = new List<(string, Incident)>();
        for (var i = 0; i < random.Next(2, maxIncidents + 1); i++)
        {
            incidents.Add(($"i{i}", TestIncidents.At(
                Near(random),
                fault: Faults[random.Next(Faults.Length)],
                powertrain: random.NextDouble() < 0.3 ? "bev" : "ice",
                tireSpec: random.NextDouble() < 0.8 ? "A" : null,
                priority: Priorities[random.Next(Priorities.Length)])));
        }

        return new LiveBatchCase(builder.Build(), [South, North], zones, incidents);
    }

    /// <summary>Units strung along a meridian every 10 km from the incidents' spot, with demand points among them:
    /// many more units than incidents, so the candidate search can stop early.</summary>
    public static LiveBatchCase Line(int seed, int unitCount = 14, int incidentCount = 4)
    {
        var random = new Random(seed);
        var builder = NetworkBuilder.Create().Center("c-line", Places.Base, center =>
        {
            center.Radius(2000);
            for (var u = 0; u < unitCount; u++)
            {
                center.Resource($"u{u:D2}", random.NextDouble() < 0.7 ? "flatbed" : "wheel_lift", Places.North(Places.Base, 10 * u));
            }
        });
        for (var d = 0; d < 6; d++)
        {
            builder.DemandPoint($"d{d}", Places.North(Places.Base, random.NextDouble() * 120), Math.Round(5 + (random.NextDouble() * 60), 2));
        }

        var incidents = new List<(string, Incident)>();
        for (var i = 0; i < incidentCount; i++)
        {
            incidents.Add(($"i{i}", TestIncidents.At(Places.North(Places.Base, random.NextDouble() * 15), priority: Priorities[random.Next(Priorities.Length)])));
        }

        return new LiveBatchCase(builder.Build(), [South, North], new Dictionary<string, LatLonBox>(), incidents);
    }

    // Within about 110 km of the border between the two regions, never on it.
    private static GeoPoint Near(Random random)
    {
        var lat = 29 + (random.NextDouble() * 2);
        if (Math.Abs(lat - 30) < 1e-6)
        {
            lat += 0.01;
        }

        return new GeoPoint(lat, 104 + (random.NextDouble() * 2));
    }
}
