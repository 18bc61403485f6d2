using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Simulation;

/// <summary>One discrete-event run of docs/simulation.md: calls in order, units busy from dispatch to their
/// return, a waiting queue tried whenever units come back. Decisions are the live engine's own recommendation
/// on the engine's own state, so a simulated decision is the decision the live engine would make.</summary>
/// <remarks>Only a unit becoming available again changes what can be decided, so those are the only events;
/// parts are reserved at dispatch and consumed when the unit is back, which leaves the free stock (the only
/// stock figure a decision reads) exactly as consumption at the end of service would.</remarks>
internal sealed class SimulationRun
{
    private const int ProgressEvery = 512;

    private readonly DispatchEngine engine;
    private readonly CompiledNetwork network;
    private readonly IReadOnlyList<SimulatedCall> calls;
    private readonly DateTimeOffset origin;
    private readonly double horizonMin;
    private readonly RecommendationQuery query;
    private readonly double maxWaitMin;
    private readonly PriorityQueue<int, (double At, int Rank)> returns = new();
    private readonly int[,] availableUnits;
    private readonly string?[] heldPart;
    private readonly List<int> waiting = [];
    private readonly Comparer<int> queueOrder;
    private readonly double[] callMin;
    private readonly int[] priorityRank;
    private readonly int[] callRegion;
    private readonly MissingPartCheck missingPart;
    private readonly SimulationLedger ledger;
    private readonly List<ResourceState> freedNow = [];
    private readonly WindowedRules windowedRules;
    private readonly ulong[] rulesInForceWhenEvaluated;
    private readonly ulong[] rulesThatCouldApply;
    private int busyUnits;

    public SimulationRun(NetworkDocument document, IReadOnlyList<SimulatedCall> calls, DateTimeOffset horizonStart, DateTimeOffset horizonEnd, RankingPolicy policy, double maxWaitMin)
    {
        engine = DispatchEngine.Create(document);
        network = engine.Network;
        this.calls = calls;
        origin = horizonStart;
        horizonMin = Minutes(horizonEnd - horizonStart);
        query = new RecommendationQuery(1, 0, policy);
        this.maxWaitMin = maxWaitMin;
        availableUnits = new int[network.Centers.Length, network.Types.Length];
        heldPart = new string?[network.Resources.Length];
        foreach (var u in network.Resources)
        {
            if (u.Status == ResourceStatus.Available)
            {
                availableUnits[u.CenterIndex, u.TypeIndex]++;
            }
        }

        callMin = new double[calls.Count];
        windowedRules = new WindowedRules(network);
        rulesInForceWhenEvaluated = new ulong[calls.Count];
        rulesThatCouldApply = new ulong[calls.Count];
        priorityRank = new int[calls.Count];
        callRegion = new int[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            callRegion[i] = network.RegionIndexOf(calls[i].Incident.Location.Lat, calls[i].Incident.Location.Lon);
            callMin[i] = Minutes(calls[i].Incident.ReportedAt - origin);
            // A name the validators would not admit ranks with the routine ones.
            priorityRank[i] = (int)(IncidentPriorityNames.TryParse(calls[i].Incident.Priority, out var priority) ? priority : IncidentPriority.P3);
        }

        queueOrder = Comparer<int>.Create((a, b) =>
            priorityRank[a] != priorityRank[b] ? priorityRank[a].CompareTo(priorityRank[b]) : a.CompareTo(b));
        missingPart = new MissingPartCheck(network, availableUnits);
        ledger = new SimulationLedger(network, engine.CoverageIndex, calls, callRegion, horizonMin);
    }

    /// <summary>Runs every call and every return; <paramref name="progress"/> gets the share of calls taken.</summary>
    public SimulationKpis Run(Action<double>? progress, CancellationToken cancellationToken)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            if (i % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke((double)i / calls.Count);
            }

            var t = callMin[i];
            ReturnUnitsUpTo(t);
            TakeCall(i, t);
        }

        ReturnUnitsUpTo(double.PositiveInfinity);
        foreach (var call in waiting)
        {
            ledger.Unserved(call);
        }

        waiting.Clear();
        ledger.Advance(Math.Max(horizonMin, 0));
        progress?.Invoke(1);
        return ledger.Kpis();
    }

    private static double Minutes(TimeSpan span) => span.Ticks / (double)TimeSpan.TicksPerMinute;

    private void TakeCall(int call, double t)
    {
        var incident = calls[call].Incident;
        if (callRegion[call] < 0)
        {
            ledger.Unserved(call);
            return;
        }

        if (missingPart.AnyUnitLacksPart(incident))
        {
            ledger.StockOut();
        }

        var option = engine.Recommend(incident, query).Recommendation;
        if (option is null)
        {
            rulesInForceWhenEvaluated[call] = windowedRules.InForceAt(incident.ReportedAt);
            rulesThatCouldApply[call] = windowedRules.CouldApplyTo(incident);
            InsertWaiting(call);
            return;
        }

        Dispatch(call, option, t, option.EtaMin, fromQueue: false);
    }

    private void InsertWaiting(int call)
    {
        // Priority first, then call order (which is reportedAt, then id).
        var at = waiting.BinarySearch(call, queueOrder);
        waiting.Insert(at < 0 ? ~at : at, call);
    }

    private void Dispatch(int call, DispatchOption option, double at, double responseMin, bool fromQueue)
    {
        ledger.Advance(at);
        var u = network.ResourcesById[option.ResourceId];
        var center = network.Centers[u.CenterIndex];
        var type = network.Types[u.TypeIndex];
        engine.SetResourceStatus(u.Id, ResourceStatus.Assigned);
        availableUnits[u.CenterIndex, u.TypeIndex]--;
        busyUnits++;
        if (option.Part is { } sku)
        {
            var (onHand, reserved) = engine.StockOf(center.Id, sku);
            engine.SetStock(center.Id, sku, onHand, reserved + 1);
            heldPart[u.Index] = sku;
        }

        var incident = calls[call].Incident;
        var serviceMin = ServiceMinutes(incident.Fault, option.Mode);
        var region = network.Regions[center.RegionIndex];
        var backMin = 60 * Haversine.Km(incident.Location.Lat, incident.Location.Lon, center.Lat, center.Lon) * region.Circuity
            / (type.SpeedKmh * region.SpeedFactor);
        var back = at + option.EtaMin + serviceMin + backMin;
        returns.Enqueue(u.Index, (back, network.OrdinalRank[u.Index]));
        ledger.Served(call, responseMin, fromQueue, option.Part);
        ledger.Busy(u, at, back);
    }

    private double ServiceMinutes(string fault, string mode)
    {
        foreach (var m in network.Faults[fault])
        {
            if (m.Mode == mode)
            {
                return m.ServiceMin;
            }
        }

        throw new InvalidOperationException($"the engine offered mode '{mode}', which fault '{fault}' does not have");
    }

    private void ReturnUnitsUpTo(double t)
    {
        while (returns.TryPeek(out _, out var next) && next.At <= t)
        {
            var w = next.At;
            ledger.Advance(w);
            // All units back at this instant, in resource id order (the queue's key breaks time ties by id rank).
            freedNow.Clear();
            while (returns.TryPeek(out var index, out var key) && key.At == w)
            {
                returns.Dequeue();
                Return(network.Resources[index]);
                freedNow.Add(network.Resources[index]);
            }

            TryWaiting(w);
            if (busyUnits == 0)
            {
                // Nothing is out any more, so nothing will come back for those still waiting.
                foreach (var call in waiting)
                {
                    ledger.Unserved(call);
                }

                waiting.Clear();
            }
        }
    }

    private void Return(ResourceState u)
    {
        var center = network.Centers[u.CenterIndex];
        if (heldPart[u.Index] is { } sku)
        {
            var (onHand, reserved) = engine.StockOf(center.Id, sku);
            engine.SetStock(center.Id, sku, onHand - 1, reserved - 1);
            heldPart[u.Index] = null;
        }

        engine.MoveResource(u.Id, new GeoPoint(center.Lat, center.Lon));
        engine.SetResourceStatus(u.Id, ResourceStatus.Available);
        availableUnits[u.CenterIndex, u.TypeIndex]++;
        busyUnits--;
    }

    /// <summary>False only when evaluating the waiting incident now certainly finds no option, so the evaluation
    /// can be skipped without changing any decision.</summary>
    /// <remarks>When it was last evaluated it had no option. Since then units were only taken (dispatches, parts
    /// reserved) except those that came back at this instant; so unless a windowed rule has switched on or off
    /// for it in between, any option now must be one of those units. The cheap checks (type, radius) go first.</remarks>
    private bool MayHaveOption(int call, ulong rulesInForce, DateTimeOffset now)
    {
        if (!windowedRules.Tracked || ((rulesInForce ^ rulesInForceWhenEvaluated[call]) & rulesThatCouldApply[call]) != 0)
        {
            return true;
        }

        var incident = calls[call].Incident;
        var profile = FaultProfile.For(network, incident.Fault, incident.IsElectrified, incident.TireSpec is not null);
        var near = false;
        foreach (var u in freedNow)
        {
            var center = network.Centers[u.CenterIndex];
            if (profile.PassingModes[u.TypeIndex].Length > 0
                && Haversine.Km(center.Lat, center.Lon, incident.Location.Lat, incident.Location.Lon) <= center.ServiceRadiusKm)
            {
                near = true;
                break;
            }
        }

        return near && engine.AnyEligible(incident with { ReportedAt = now }, callRegion[call], freedNow);
    }

    private void TryWaiting(double w)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        var asOf = origin.AddTicks((long)Math.Round(w * TimeSpan.TicksPerMinute));
        var rulesInForce = windowedRules.InForceAt(asOf);
        var kept = 0;
        for (var k = 0; k < waiting.Count; k++)
        {
            var call = waiting[k];
            var waited = w - callMin[call];
            if (waited > maxWaitMin)
            {
                ledger.Unserved(call);
                continue;
            }

            var incident = calls[call].Incident;
            if (!MayHaveOption(call, rulesInForce, asOf))
            {
                waiting[kept++] = call;
                continue;
            }

            var option = engine.Recommend(incident with { ReportedAt = asOf }, query).Recommendation;
            rulesInForceWhenEvaluated[call] = rulesInForce;
            if (option is null)
            {
                waiting[kept++] = call;
                continue;
            }

            Dispatch(call, option, w, waited + option.EtaMin, fromQueue: true);
        }

        waiting.RemoveRange(kept, waiting.Count - kept);
    }
}
