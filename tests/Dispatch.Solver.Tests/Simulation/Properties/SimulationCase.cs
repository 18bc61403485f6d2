using System.Globalization;
using System.Text;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Tests.Properties;
using Dispatch.Solver.Tests.Simulation.Reference;

namespace Dispatch.Solver.Tests.Simulation.Properties;

/// <summary>A random what-if run: a small network (from <see cref="RandomNetworks"/>, made busier), replayed calls as
/// the scenario request carries them and as the reference takes them, and a maxWaitMin (null: the default).</summary>
internal sealed record SimulationCase(int Seed, NetworkDocument Network, IReadOnlyList<IncidentRequest> Requests, IReadOnlyList<ReferenceCall> Calls, double? MaxWaitMin)
{
    public const string TireSku = "TIRE-225/45R17";
    private const string TireSpec = "225/45R17";

    private static readonly double?[] MaxWaits = [null, null, 0, 0.5, 5, 30, 120, 240, 720, 5000, 5000];
    private static readonly string[] IdPrefixes = ["call-", "C", "c", "k_"];

    /// <summary>The case of one seed; the same seed always gives the same case.</summary>
    public static SimulationCase Generate(int seed)
    {
        var networks = new RandomNetworks(seed);
        var generated = networks.NextNetwork();
        // A stream of its own, so that changing what is drawn here does not change the network of a seed.
        var random = new Random(unchecked((seed * 7919) + 17));
        // A third of the cases run on a 5-minute grid: calls, service times and mobilization all multiples of 5, so
        // that trips end exactly at a call's time, together with other trips, or exactly maxWaitMin after a call.
        var grid = random.Next(3) == 0 ? 5 : 0;
        var document = Busier(generated.Document, generated.RegionShapes, grid, random);
        var startAt = RandomNetworks.WeekStart.AddDays(random.Next(7)).AddMinutes(random.Next(1440));
        var spanMin = random.Next(30, 601);
        if (random.Next(3) == 0)
        {
            document = document with { Rules = [.. document.Rules!, WindowInsideTheCalls(document, generated.RegionShapes, startAt, spanMin, random)] };
        }

        var network = generated with { Document = document };
        var count = random.Next(5, 41);
        var numbers = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToList();
        var times = new List<DateTimeOffset>();
        var requests = new List<IncidentRequest>();
        var calls = new List<ReferenceCall>();
        for (var i = 0; i < count; i++)
        {
            var drawn = networks.NextIncident(network);
            var at = NextTime(random, startAt, spanMin, grid, times);
            times.Add(at);
            var incident = drawn with { ReportedAt = at };
            var where = random.Next(100);
            if (where < 3)
            {
                incident = incident with { Location = networks.NextOutsidePoint() };
            }
            else if (where < 8 && document.DemandPoints!.Count > 0)
            {
                incident = incident with { Location = document.DemandPoints[random.Next(document.DemandPoints.Count)].Location! };
            }
            else if (where < 22)
            {
                // At a center: no drive back, so a trip ends at a whole minute and can tie with a call or another trip.
                incident = incident with { Location = document.Centers![random.Next(document.Centers.Count)].Location! };
            }

            if (random.Next(4) == 0)
            {
                // The tyre that some centers stock, so that stock runs out during the run.
                incident = incident with { Fault = "flat_tire", TireSpec = TireSpec };
            }

            // Ids whose ordinal order differs from their numeric one, and upper before lower case.
            var id = IdPrefixes[random.Next(IdPrefixes.Length)] + numbers[i].ToString(CultureInfo.InvariantCulture);
            calls.Add(new ReferenceCall(id, incident));
            var request = ToRequest(id, incident);
            // The same instant written in another offset must order and evaluate alike.
            requests.Add(random.Next(4) == 0 ? request with { ReportedAt = incident.ReportedAt.ToOffset(TimeSpan.FromHours(8)) } : request);
        }

        return new SimulationCase(seed, document, requests, calls, MaxWaits[random.Next(MaxWaits.Length)]);
    }

    /// <summary>The network with the features the simulator needs exercised: a tyre fault whose part some centers
    /// stock (sometimes none, with a reserved count that a run must free), both remote and non-remote regions,
    /// and demand points to cover.</summary>
    private static NetworkDocument Busier(NetworkDocument document, IReadOnlyList<RandomShape> regionShapes, int grid, Random random)
    {
        var parameters = document.Parameters!;
        var types = parameters.ResourceTypes!.Keys.ToList();
        List<FaultModeDocument> tyreModes =
        [
            new() { Mode = "onsite", Types = Subset(types, random, 1, 2), Part = "TIRE-{tireSpec}", ServiceMin = random.Next(10, 61), PenaltyMin = 0 },
        ];
        if (random.Next(2) == 0)
        {
            tyreModes.Add(new() { Mode = "tow", Types = Subset(types, random, 1, 2), ServiceMin = random.Next(20, 91), PenaltyMin = 30 });
        }

        // Half the networks get fast units, so that trips end while calls still come in and the queue is tried
        // between calls, not only after the last one.
        var resourceTypes = random.Next(3) > 0
            ? parameters.ResourceTypes!.ToDictionary(kv => kv.Key, kv => kv.Value with { SpeedKmh = random.Next(150, 401) })
            : parameters.ResourceTypes!.ToDictionary(kv => kv.Key, kv => kv.Value);
        var faults = parameters.Faults!.ToDictionary(kv => kv.Key, kv => kv.Value);
        faults["flat_tire"] = tyreModes;
        if (random.Next(6) == 0)
        {
            // No service time: a unit sent to a call at its own center without mobilization is back at once, at the
            // very instant of the call, before the next call of that instant.
            foreach (var fault in faults.Keys.ToList())
            {
                faults[fault] = faults[fault].Select(m => random.Next(2) == 0 ? m with { ServiceMin = 0 } : m).ToList();
            }
        }

        if (grid > 0)
        {
            foreach (var fault in faults.Keys.ToList())
            {
                faults[fault] = faults[fault].Select(m => m with { ServiceMin = grid * Math.Round(m.ServiceMin!.Value / grid) }).ToList();
            }
        }

        var flip = random.Next(2);
        var regions = document.Regions!.Select((r, i) => r with { Remote = i % 2 == flip }).ToList();

        var centers = document.Centers!.Select(c =>
        {
            // Wide service radii for half the centers: most calls should have some unit that may go.
            c = random.Next(2) == 0 ? c with { ServiceRadiusKm = random.Next(400, 1001) } : c;
            if (random.Next(5) >= 3)
            {
                return c;
            }

            var stock = (c.Stock ?? new Dictionary<string, StockLevel>()).ToDictionary(kv => kv.Key, kv => kv.Value);
            var onHand = random.Next(0, 3);
            stock[TireSku] = new StockLevel { OnHand = onHand, Reserved = random.Next(0, onHand + 1) };
            return c with { Stock = stock };
        }).ToList();

        var demandPoints = document.DemandPoints!.ToList();
        if (demandPoints.Count == 0 && random.Next(5) > 0)
        {
            for (var i = 0; i < random.Next(1, 4); i++)
            {
                demandPoints.Add(new DemandPointDocument
                {
                    Id = $"dp{i}",
                    Location = regionShapes[random.Next(regionShapes.Count)].SamplePoint(random),
                    Weight = Math.Round(1 + (random.NextDouble() * 20), 2),
                });
            }
        }

        return document with
        {
            Parameters = parameters with { ResourceTypes = resourceTypes, Faults = faults },
            Regions = regions,
            Centers = centers,
            DemandPoints = demandPoints,
        };
    }

    /// <summary>A rule whose window opens (or closes) while calls come in, so that a waiting call may find a unit
    /// barred at one instant and allowed at the next.</summary>
    private static RuleDocument WindowInsideTheCalls(NetworkDocument document, IReadOnlyList<RandomShape> regionShapes, DateTimeOffset startAt, int spanMin, Random random)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(document.Parameters!.TimeZone!);
        var opens = TimeZoneInfo.ConvertTime(startAt.AddMinutes(random.Next(-60, spanMin)), zone);
        var startClock = (opens.Hour * 60) + opens.Minute;
        var endClock = (startClock + random.Next(10, 181)) % 1440;
        var types = document.Parameters.ResourceTypes!.Keys.ToList();
        var expressway = random.Next(4) == 0;
        return new RuleDocument
        {
            Id = "window-rule",
            Kind = random.Next(3) == 0 ? "partner_only" : "deny",
            Types = Subset(types, random, 1, types.Count),
            Zone = expressway ? null : regionShapes[random.Next(regionShapes.Count)].ToGeoJson(),
            Scope = expressway ? "expressway" : null,
            Window = new RuleWindowDocument { Start = Clock(startClock), End = Clock(endClock) },
            Description = "a window inside the calls",
        };
    }

    private static DateTimeOffset NextTime(Random random, DateTimeOffset startAt, int spanMin, int grid, List<DateTimeOffset> earlier)
    {
        if (earlier.Count > 0 && random.Next(5) == 0)
        {
            return earlier[random.Next(earlier.Count)]; // an exact tie on reportedAt
        }

        if (grid > 0)
        {
            return startAt.AddMinutes(grid * random.Next((spanMin / grid) + 1));
        }

        var at = startAt.AddMinutes(random.Next(spanMin + 1));
        return random.Next(10) < 7 ? at : at.AddSeconds(random.Next(60)).AddMilliseconds(random.Next(1000));
    }

    internal static IncidentRequest ToRequest(string id, Incident incident) => new()
    {
        Id = id,
        Location = incident.Location,
        ReportedAt = incident.ReportedAt,
        Fault = incident.Fault,
        Vehicle = new VehicleDocument { Powertrain = incident.Powertrain, TireSpec = incident.TireSpec },
        Priority = incident.Priority,
        OnExpressway = incident.OnExpressway,
    };

    private static List<string> Subset(List<string> items, Random random, int atLeast, int atMost) =>
        items.OrderBy(_ => random.Next()).Take(random.Next(atLeast, Math.Min(atMost, items.Count) + 1)).ToList();

    private static string Clock(int minuteOfDay) => $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";

    /// <summary>Enough to find the case again and to read a failure.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed {Seed}: {Network.Regions!.Count} regions, {Network.Centers!.Count} centers, ");
        text.Append(CultureInfo.InvariantCulture, $"{Network.Centers.Sum(c => c.Resources!.Count)} units, {Network.DemandPoints!.Count} demand points, ");
        text.Append(CultureInfo.InvariantCulture, $"{Network.Rules!.Count} rules, {Calls.Count} calls, maxWaitMin {(MaxWaitMin is { } m ? m.ToString("R", CultureInfo.InvariantCulture) : "default")}\n");
        text.Append("calls:\n");
        foreach (var call in Calls.OrderBy(c => c.Incident.ReportedAt).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var i = call.Incident;
            text.Append(CultureInfo.InvariantCulture, $"  {call.Id} {i.ReportedAt:O} ({i.Location.Lat:R}, {i.Location.Lon:R}) {i.Fault} {i.Powertrain} {i.TireSpec ?? "-"} {i.Priority}{(i.OnExpressway ? " expressway" : "")}\n");
        }

        return text.ToString();
    }
}
