using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using Dispatch.Solver.Tests.Reference;
using Dispatch.Solver.Tests.Simulation.Reference;

namespace Dispatch.Solver.Tests.Simulation.Properties;

/// <summary>Boundaries of docs/simulation.md "The run, step by step" that random cases reach too rarely: exact ties of
/// instants, a wait of exactly maxWaitMin, several units back at one instant, the "no unit busy any more" rule. Each
/// case runs the fast simulator and the reference, asserts that they agree, and checks the numbers worked out by
/// hand.</summary>
/// <remarks>
/// The network: one region (lon 100..102, lat 30..32, circuity 1, speed factor 1, standard 120 min), center c1 at
/// (31.0, 101.0) and no mobilization, so a call at c1 is reached in 0 min and the unit is back when service ends.
/// The spot (31.5, 101.0) is 0.5 deg of latitude = 55.597540 km north: 55.597540 min at 60 km/h, 111.195080 at 30.
/// </remarks>
public sealed class SimulatorHandCases
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 10, 0, TimeSpan.Zero); // Monday 00:10 UTC
    private static readonly GeoPoint CenterSpot = new(31.0, 101.0);
    private static readonly GeoPoint NorthSpot = new(31.5, 101.0);
    private static readonly double NorthKm = ReferenceGeodesy.HaversineKm(CenterSpot, NorthSpot);

    [Fact]
    public void Run_UnitBackAtTheInstantOfACall_ServesItWithoutQueueing()
    {
        var network = Network(Units(("u1", "fast")), Battery(60, ["fast"]));

        var (reference, _) = RunBoth(network, [Call("x", 0), Call("y", 60)]);

        // "the instants <= t at which units become available" come first: u1, back at 60, takes y at 60.
        Assert.Equal(2, reference.Served);
        Assert.Equal(0, reference.Queued);
        Assert.Equal(0, reference.ResponseMin.Max);
        Assert.Equal(1.0, reference.BusyShare[("c1", "fast")]);
    }

    [Theory]
    [InlineData(50.0, 1, 1)]
    [InlineData(49.5, 0, 0)]
    public void Run_WaitedExactlyMaxWaitMin_StillTried(double maxWaitMin, int servedFromQueue, int servedLate)
    {
        var network = Network(Units(("u1", "fast")), Battery(60, ["fast"]));

        // w waits from 10; u1 is back at 60, when w has waited 50: dropped only if 50 > maxWaitMin.
        var (reference, _) = RunBoth(network, [Call("x", 0), Call("w", 10)], maxWaitMin: maxWaitMin);

        Assert.Equal(1 + servedLate, reference.Served);
        Assert.Equal(servedFromQueue, reference.Queued);
        Assert.Equal(servedLate == 1 ? 50.0 : 0.0, reference.ResponseMin.Max);
    }

    [Fact]
    public void Run_TwoUnitsBackAtOneInstant_BothFreeBeforeTheQueueIsTried()
    {
        var network = Network(Units(("a-slow", "slow"), ("b-fast", "fast")), Battery(60, ["slow", "fast"]));

        // x1 and x2 take a-slow and b-fast (eta 0 both: the smaller id first); both are back at 60. Then p (p1) goes
        // first and gets the faster b-fast, though a-slow comes first by id; q gets a-slow.
        var (reference, _) = RunBoth(network,
        [
            Call("x1", 0), Call("x2", 0),
            Call("q", 2, NorthSpot, priority: "p3"),
            Call("p", 5, NorthSpot, priority: "p1"),
        ]);

        Assert.Equal(4, reference.Served);
        Assert.Equal(2, reference.Queued);
        var p = reference.Log.Single(o => o.CallId == "p");
        var q = reference.Log.Single(o => o.CallId == "q");
        Assert.Equal("b-fast", p.ResourceId);
        Assert.Equal(55 + NorthKm, p.ResponseMin!.Value, 9);
        Assert.Equal("a-slow", q.ResourceId);
        Assert.Equal(58 + (2 * NorthKm), q.ResponseMin!.Value, 9);
    }

    [Fact]
    public void Run_NoUnitBusyAfterATry_StillWaitingCallUnserved()
    {
        var network = Network(Units(("u1", "fast"), ("u2", "fast")), Battery(10, ["fast"])) with { Rules = [NorthZoneUntilOne()] };

        // a (00:11) is barred from the north zone until 01:00; u1 comes back at 10 (00:20), a still barred, and then no
        // unit is busy: a is unserved, although at 01:10 c would free u1 again and the window would be over.
        var (reference, _) = RunBoth(network, [Call("x", 0), Call("a", 1, NorthSpot), Call("c", 60)]);

        Assert.Equal(2, reference.Served);
        Assert.Equal(ReferenceFate.NoUnitBusyAnyMore, reference.Log.Single(o => o.CallId == "a").Fate);
    }

    [Fact]
    public void Run_CallWaitsWhileNoUnitIsBusy_TriedAtTheNextInstant()
    {
        var network = Network(Units(("u1", "fast"), ("u2", "fast")), Battery(10, ["fast"])) with { Rules = [NorthZoneUntilOne()] };

        // The "no unit busy" rule is checked after an instant's try, not when a call starts waiting: a waits from 00:11
        // with nothing out, c sends u1 at 01:10, u1 is back at 01:20 and a, no longer barred, gets it.
        var (reference, _) = RunBoth(network, [Call("a", 1, NorthSpot), Call("c", 60)]);

        Assert.Equal(2, reference.Served);
        Assert.Equal(1, reference.Queued);
        var a = reference.Log.Single(o => o.CallId == "a");
        Assert.Equal("u1", a.ResourceId);
        Assert.Equal(69 + NorthKm, a.ResponseMin!.Value, 9);
    }

    [Fact]
    public void Run_OneVanOutForPartOfTheHorizon_CoverageAndBusyShareByHand()
    {
        // d1 (0.2 deg north, 22.2 min away) is covered by the van when it is at c1. The van is out from 0 to 40 of a
        // 100-minute horizon; the second trip starts at the horizon's end. The document reserves both batteries,
        // which a run frees. The tow class has no unit, so it covers nothing.
        var network = Network(Units(("van", "van")), Battery(40, ["van"], part: "BAT-12V")) with
        {
            DemandPoints = [new DemandPointDocument { Id = "d1", Location = new GeoPoint(31.2, 101.0), Weight = 10 }],
        };
        network = WithStock(network, "BAT-12V", onHand: 2, reserved: 2);

        var (reference, _) = RunBoth(network, [Call("x", 0), Call("y", 100)]);

        Assert.Equal(0.6, reference.Coverage["service"].All!.Value, 12);
        Assert.Equal(0.6, reference.Coverage["service"].Remote!.Value, 12);
        Assert.Equal(0.0, reference.Coverage["tow"].All);
        Assert.Equal(0.4, reference.BusyShare[("c1", "van")]!.Value, 12);
        Assert.Equal(2, reference.PartsConsumed["BAT-12V"]);
    }

    [Fact]
    public void Run_AllCallsAtOneInstant_TimeAveragesOverNoHorizonAreNull()
    {
        var network = Network(Units(("u1", "fast")), Battery(60, ["fast"])) with
        {
            DemandPoints = [new DemandPointDocument { Id = "d1", Location = new GeoPoint(31.2, 101.0), Weight = 10 }],
        };

        // The horizon runs from the first call to the last: no time at all. "A statistic over no values is null."
        var (reference, _) = RunBoth(network, [Call("x", 0), Call("y", 0)]);

        Assert.Equal(0, reference.HorizonMin);
        Assert.Null(reference.BusyShare[("c1", "fast")]);
        Assert.Null(reference.Coverage["tow"].All);
        Assert.Null(reference.Coverage["service"].Remote);
        Assert.Equal(60, reference.ResponseMin.Max); // y waits for u1, back at 60
    }

    [Fact]
    public void Run_PartOutOfStockOnRetries_CountedOnFirstEvaluationOnly()
    {
        var network = Network(Units(("van", "van"), ("u1", "fast")), Battery(30, ["van"])) with
        {
            Parameters = Parameters(Battery(30, ["van"]), FlatTire()),
        };
        network = WithStock(network, "TIRE-225/45R17", onHand: 0, reserved: 0);

        // t1 (0): van excluded for the tyre, u1 tows (back at 60): a stock-out. t2 (10): van excluded for the tyre,
        // u1 busy: a stock-out; it waits. b (15) takes the van until 45. t3 (20): van busy (not_available), u1 busy: no
        // stock-out, although at its retry at 45 the van is excluded for the tyre. u1 serves t2 at 60 and t3 at 120.
        var (reference, _) = RunBoth(network,
        [
            Call("t1", 0, fault: "flat_tire"), Call("t2", 10, fault: "flat_tire"), Call("b", 15), Call("t3", 20, fault: "flat_tire"),
        ]);

        Assert.Equal(2, reference.StockOuts);
        Assert.Equal(4, reference.Served);
        Assert.Equal(2, reference.Queued);
        Assert.Equal(100, reference.ResponseMin.Max);
    }

    /// <summary>Runs the calls through <see cref="ScenarioRunner"/> and the reference under both policies, asserts
    /// that they agree, and returns the pair for <paramref name="policy"/>.</summary>
    private static (ReferenceSimulationKpis Reference, SimulationKpis Fast) RunBoth(
        NetworkDocument network, IReadOnlyList<ReferenceCall> calls, RankingPolicy policy = RankingPolicy.Closest, double? maxWaitMin = null)
    {
        var prepared = ScenarioRunner.Prepare(new ScenarioRequest
        {
            Base = ScenarioBase.Of(network),
            Demand = new DemandDocument { Incidents = [.. calls.Select(c => SimulationCase.ToRequest(c.Id, c.Incident))] },
            MaxWaitMin = maxWaitMin,
        }, null);
        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors.Select(e => $"{e.Path}: {e.Message}")));

        (ReferenceSimulationKpis, SimulationKpis)? asked = null;
        foreach (var p in new[] { RankingPolicy.Coverage, RankingPolicy.Closest })
        {
            var fast = ScenarioRunner.Simulate(prepared.Scenario.ScenarioNetwork, prepared.Scenario, p);
            var reference = ReferenceSimulator.Run(network, calls, p, maxWaitMin);
            var differences = KpiComparer.Differences(reference, fast);
            Assert.True(differences.Count == 0, $"policy {p}:\n  {string.Join("\n  ", differences)}\nreference run:\n{reference.DescribeLog()}");
            if (p == policy)
            {
                asked = (reference, fast);
            }
        }

        return asked!.Value;
    }

    private static ReferenceCall Call(string id, double atMin, GeoPoint? at = null, string priority = "p3", string fault = "battery") =>
        new(id, new Incident(at ?? CenterSpot, Start.AddMinutes(atMin), fault, "ice", "225/45R17", priority, false));

    private static List<ResourceDocument> Units(params (string Id, string Type)[] units) =>
        [.. units.Select(u => new ResourceDocument { Id = u.Id, Type = u.Type, Status = "available" })];

    private static (string Name, IReadOnlyList<FaultModeDocument> Modes) Battery(double serviceMin, string[] types, string? part = null) =>
        ("battery", [new FaultModeDocument { Mode = "onsite", Types = types, Part = part, ServiceMin = serviceMin, PenaltyMin = 0 }]);

    private static (string Name, IReadOnlyList<FaultModeDocument> Modes) FlatTire() =>
        ("flat_tire",
        [
            new FaultModeDocument { Mode = "onsite", Types = ["van"], Part = "TIRE-{tireSpec}", ServiceMin = 30, PenaltyMin = 0 },
            new FaultModeDocument { Mode = "tow", Types = ["fast"], ServiceMin = 60, PenaltyMin = 0 },
        ]);

    /// <summary>Deny the fast units in a box around the north spot from 00:00 to 01:00 UTC.</summary>
    private static RuleDocument NorthZoneUntilOne() => new()
    {
        Id = "north-night",
        Kind = "deny",
        Types = ["fast"],
        Zone = GeoJsonShapes.Rectangle(100.9, 31.4, 101.1, 31.6),
        Window = new RuleWindowDocument { Start = "00:00", End = "01:00" },
        Description = "hand case",
    };

    private static NetworkParameters Parameters(params (string Name, IReadOnlyList<FaultModeDocument> Modes)[] faults) => new()
    {
        TimeZone = "UTC",
        ResourceTypes = new Dictionary<string, ResourceTypeDocument>
        {
            ["slow"] = new() { SpeedKmh = 30, MobilizationMin = 0, CoverageClass = "tow" },
            ["fast"] = new() { SpeedKmh = 60, MobilizationMin = 0, CoverageClass = "tow" },
            ["van"] = new() { SpeedKmh = 60, MobilizationMin = 0, CoverageClass = "service" },
        },
        EvTowTypes = ["fast"],
        Faults = faults.ToDictionary(f => f.Name, f => f.Modes),
        CrossRegionPenaltyMin = 0,
        PartnerPenaltyMin = 0,
        CoverageLambda = 1.0,
        PriorityCoverageFactor = new Dictionary<string, double> { ["p1"] = 0.0, ["p2"] = 0.5, ["p3"] = 1.0 },
        PriorityWeight = new Dictionary<string, double> { ["p1"] = 4, ["p2"] = 2, ["p3"] = 1 },
        UnassignedPenaltyMin = new Dictionary<string, double> { ["p1"] = 100000, ["p2"] = 50000, ["p3"] = 20000 },
    };

    private static NetworkDocument Network(List<ResourceDocument> units, (string Name, IReadOnlyList<FaultModeDocument> Modes) fault) => new()
    {
        Parameters = Parameters(fault),
        Regions =
        [
            new RegionDocument
            {
                Code = "A", Name = "Region A", Geometry = GeoJsonShapes.Rectangle(100, 30, 102, 32), Remote = true,
                CoverageStandardMin = 120, CoverageWeight = 2.0, Circuity = 1.0, SpeedFactor = 1.0,
            },
        ],
        Centers =
        [
            new CenterDocument
            {
                Id = "c1", Name = "Center one", Kind = "direct", Location = CenterSpot, ServiceRadiusKm = 500, Resources = units,
                Stock = new Dictionary<string, StockLevel>(),
            },
        ],
        DemandPoints = [],
        Rules = [],
    };

    private static NetworkDocument WithStock(NetworkDocument network, string sku, int onHand, int reserved) => network with
    {
        Centers = [network.Centers![0] with { Stock = new Dictionary<string, StockLevel> { [sku] = new() { OnHand = onHand, Reserved = reserved } } }],
    };
}
