using static Dispatch.Solver.Tests.Simulation.SimulationFixtures;

namespace Dispatch.Solver.Tests.Simulation;

/// <summary>Tiny replayed runs whose every KPI is worked out by hand from the simulation rules.</summary>
/// <remarks>The test world drives 60 km/h with no mobilization, circuity 1 and speed factor 1, so a trip of
/// n km takes n minutes; a tow serves 60 minutes, an onsite job 30.</remarks>
public sealed class HandComputedRunTests
{
    // One flatbed at the base, one demand point on it (weight 1, region R1, standard 60).
    private static readonly Dispatch.Solver.Documents.NetworkDocument OneFlatbed = NetworkBuilder.Create()
        .Center("c1", Places.Base, c => c.Resource("f1", "flatbed"))
        .DemandPoint("d1", Places.Base, 1)
        .Build();

    [Fact]
    public void Run_QueueAndMaxWait_EveryKpiAsWorkedOut()
    {
        // a at 0, 30 km: out 0..120 (30 there, 60 tow, 30 back). b (p3) at 10 and c (p1) at 20 wait; c goes first at 120
        // (10 km: back at 200, response 100 + 10). b has waited 190 > 180 at 200 and is given up. d at 300, 40 km.
        var kpis = RunScenario(Replay(OneFlatbed,
        [
            Call("a", 0, Places.North(Places.Base, 30)),
            Call("b", 10, Places.South(Places.Base, 20)),
            Call("c", 20, Places.South(Places.Base, 10), priority: "p1"),
            Call("d", 300, Places.North(Places.Base, 40)),
        ], maxWaitMin: 180));

        Assert.Equal(4, kpis.Incidents);
        Assert.Equal(3, kpis.Served);
        Assert.Equal(1, kpis.Unserved);
        Assert.Equal(1, kpis.Queued);
        Assert.Equal(60, kpis.ResponseMin.Mean!.Value, 9);
        Assert.Equal(40, kpis.ResponseMin.P50!.Value, 9);
        Assert.Equal(110, kpis.ResponseMin.P90!.Value, 9);
        Assert.Equal(110, kpis.ResponseMin.P95!.Value, 9);
        Assert.Equal(110, kpis.ResponseMin.Max!.Value, 9);
        Assert.Equal(0.5, kpis.WithinStandardShare!.Value, 12);
        var region = Assert.Single(kpis.ByRegion);
        Assert.Equal((NetworkBuilder.SouthRegion, 4, 3), (region.Region, region.Incidents, region.Served));
        // Busy 0..120 and 120..200 inside the horizon 0..300; d's trip starts at the horizon's end.
        var busy = Assert.Single(kpis.BusyShare);
        Assert.Equal(("c1", "flatbed"), (busy.CenterId, busy.Type));
        Assert.Equal(200.0 / 300, busy.Share!.Value, 12);
        // The flatbed covers d1 only while it is home: 200..300.
        Assert.Equal(100.0 / 300, kpis.Coverage["tow"].All!.Value, 12);
        Assert.Null(kpis.Coverage["tow"].Remote);
        Assert.Equal(0, kpis.Coverage["service"].All!.Value, 12);
        Assert.Equal(0, kpis.StockOuts);
        Assert.Empty(kpis.PartsConsumed);
    }

    [Fact]
    public void Run_CallAfterAUnitReturns_IsServedAtOnce()
    {
        // a keeps the flatbed out 0..120; b comes just after (not exactly at 120: the trip's minutes are sums of
        // floating-point kilometres) and finds it home.
        var kpis = RunScenario(Replay(OneFlatbed,
        [
            Call("a", 0, Places.North(Places.Base, 30)),
            Call("b", 120.001, Places.North(Places.Base, 5)),
        ]));

        Assert.Equal((2, 0), (kpis.Served, kpis.Queued));
        Assert.Equal(30, kpis.ResponseMin.Max!.Value, 9);
    }

    [Fact]
    public void Run_WaitingCallServedWhenTheUnitReturns_ResponseCountsTheWait()
    {
        // b at 100 waits for the flatbed back at 120: response 20 + 15 km.
        var kpis = RunScenario(Replay(OneFlatbed,
        [
            Call("a", 0, Places.North(Places.Base, 30)),
            Call("b", 100, Places.South(Places.Base, 15)),
        ]));

        Assert.Equal((2, 1, 0), (kpis.Served, kpis.Queued, kpis.Unserved));
        Assert.Equal(35, kpis.ResponseMin.Max!.Value, 9);
    }

    [Fact]
    public void Run_NoUnitBusyAnyMore_WaitingCallsAreUnserved()
    {
        // Nothing can do a lockout (no modes): the call waits, and when the only busy unit is back it is given up
        // although maxWaitMin (default 720) has not passed.
        var kpis = RunScenario(Replay(OneFlatbed,
        [
            Call("a", 0, Places.North(Places.Base, 30)),
            Call("lock", 5, Places.Base, fault: "lockout"),
            Call("b", 500, Places.North(Places.Base, 1)),
        ]));

        Assert.Equal((3, 2, 1, 0), (kpis.Incidents, kpis.Served, kpis.Unserved, kpis.Queued));
    }

    [Fact]
    public void Run_OnsiteWithPart_ReservesThenConsumesAndCountsStockOuts()
    {
        // v1 has one tyre; v2 has none, so every first evaluation excludes v2 for part_out_of_stock. The first call
        // takes the last tyre (onsite 10 km: back at 10 + 30 + 10 = 50); the second finds no tyre anywhere and
        // a tow mode it could use has no tow truck, so it waits and ends unserved.
        var network = NetworkBuilder.Create()
            .Center("c1", Places.Base, c => c.Resource("v1", "service_van").Stock("TIRE-X", 1))
            .Center("c2", Places.South(Places.Base, 100), c => c.Resource("v2", "service_van"))
            .Build();
        var kpis = RunScenario(Replay(network,
        [
            Call("a", 0, Places.North(Places.Base, 10), fault: "flat_tire", tireSpec: "X"),
            Call("b", 60, Places.North(Places.Base, 10), fault: "flat_tire", tireSpec: "X"),
        ]));

        Assert.Equal((1, 1), (kpis.Served, kpis.Unserved));
        Assert.Equal(2, kpis.StockOuts);
        Assert.Equal(1, kpis.PartsConsumed["TIRE-X"]);
        Assert.Equal(10, kpis.ResponseMin.Max!.Value, 9);
        // v1 busy 0..50 of the horizon 0..60.
        Assert.Equal(50.0 / 60, kpis.BusyShare.Single(b => b.CenterId == "c1").Share!.Value, 12);
    }

    [Fact]
    public void Run_TowReturnsFromTheIncidentToItsOwnCenter_NotToWhereItStarted()
    {
        // f1 starts 50 km north of its center (its position), tows the car from 60 km north of the center: 10 km
        // there, 60 tow, 60 back to the center = out until 130. Then b at the center's location is 0 km away.
        var network = NetworkBuilder.Create()
            .Center("c1", Places.Base, c => c.Resource("f1", "flatbed", position: Places.North(Places.Base, 50)))
            .Build();
        var kpis = RunScenario(Replay(network,
        [
            Call("a", 0, Places.North(Places.Base, 60)),
            Call("b", 130, Places.Base),
        ]));

        Assert.Equal(10, kpis.ResponseMin.Max!.Value, 9);
        Assert.Equal(0, kpis.ResponseMin.P50!.Value, 9);
        Assert.Equal(0, kpis.Queued);
    }

    [Fact]
    public void Run_CallOutsideEveryRegion_IsUnservedAndCounted()
    {
        var kpis = RunScenario(Replay(OneFlatbed,
        [
            Call("in", 0, Places.Base),
            Call("out", 10, Places.Nowhere),
        ]));

        Assert.Equal((2, 1, 1), (kpis.Incidents, kpis.Served, kpis.Unserved));
        Assert.Equal(0.5, kpis.WithinStandardShare!.Value, 12);
        Assert.Single(kpis.ByRegion);
    }

    [Fact]
    public void Run_SingleCall_HorizonOfNoLengthGivesNullTimeAverages()
    {
        var kpis = RunScenario(Replay(OneFlatbed, [Call("only", 0, Places.Base)]));

        Assert.Null(kpis.Coverage["tow"].All);
        Assert.Null(kpis.BusyShare.Single().Share);
        Assert.Equal(1, kpis.Served);
    }
}
