using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Tests.Reference;

namespace Dispatch.Solver.Tests.Simulation.Reference;

/// <summary>A plain what-if simulator written from the rules of docs/simulation.md alone, to hold the fast
/// <c>ScenarioRunner</c> to. Every decision is the reference recommender's answer on the current state with every
/// option and exclusion listed; every search is a loop over everything. Slow on purpose: test networks are tiny.</summary>
/// <remarks>Times are minutes since the first call (the start of the horizon), as doubles.</remarks>
internal sealed partial class ReferenceSimulator
{
    /// <summary>docs/simulation.md "The run, step by step": maxWaitMin, default 720.</summary>
    public const double DefaultMaxWaitMin = 720;

    private readonly NetworkDocument document;
    private readonly NetworkParameters parameters;
    private readonly ReferenceDispatcher dispatcher;
    private readonly RecommendationQuery everything;
    private readonly double maxWaitMin;
    private readonly List<ReferenceCall> calls;
    private readonly double[] callMin;
    private readonly DateTimeOffset start;
    private readonly double horizonMin;
    private readonly ReferenceCallOutcome[] outcomes;

    // Calls waiting for a unit, in no particular order: each try sorts them afresh.
    private readonly List<int> waiting = [];
    private int stockOuts;

    private ReferenceSimulator(NetworkDocument document, IReadOnlyList<ReferenceCall> replayed, RankingPolicy policy, double maxWaitMin)
    {
        this.document = document;
        parameters = document.Parameters!;
        everything = new RecommendationQuery(null, null, policy);
        this.maxWaitMin = maxWaitMin;

        // "Calls are taken in order of reportedAt, then id (ordinal)."
        calls = [.. replayed.OrderBy(c => c.Incident.ReportedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
        start = calls[0].Incident.ReportedAt;
        horizonMin = MinutesSinceStart(calls[^1].Incident.ReportedAt);
        callMin = [.. calls.Select(c => MinutesSinceStart(c.Incident.ReportedAt))];
        dispatcher = new ReferenceDispatcher(document);
        outcomes = [.. calls.Select((c, i) => new ReferenceCallOutcome(c.Id, callMin[i], ReferenceFate.Waiting, null, null, null, null, false, dispatcher.RegionOf(c.Incident.Location), ""))];
        units = LoadUnits();
        LoadStock();
        RecordCoverage(0);
    }

    /// <summary>Runs the calls on the network and returns the KPIs.</summary>
    /// <param name="maxWaitMin">The scenario's maxWaitMin; null takes the default.</param>
    public static ReferenceSimulationKpis Run(NetworkDocument document, IReadOnlyList<ReferenceCall> calls, RankingPolicy policy, double? maxWaitMin = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0)
        {
            throw new ArgumentException("a replayed run needs at least one call", nameof(calls));
        }

        return new ReferenceSimulator(document, calls, policy, maxWaitMin ?? DefaultMaxWaitMin).Run();
    }

    private ReferenceSimulationKpis Run()
    {
        for (var i = 0; i < calls.Count; i++)
        {
            // "Before a call at time t, the instants <= t at which units become available are taken in time order."
            ReturnUnitsUpTo(callMin[i]);
            TakeCall(i);
        }

        // "The run goes on after the last call until every unit is back and the queue is empty."
        ReturnUnitsUpTo(double.PositiveInfinity);
        ConsumePartsUpTo(double.PositiveInfinity);
        foreach (var call in waiting)
        {
            outcomes[call] = outcomes[call] with { Fate = ReferenceFate.WaitingAtTheEnd };
        }

        waiting.Clear();
        return Kpis();
    }

    private void TakeCall(int call)
    {
        var t = callMin[call];
        var incident = calls[call].Incident;

        // "A call outside every region is unserved": there is nothing to evaluate.
        if (outcomes[call].Region is null)
        {
            outcomes[call] = outcomes[call] with { Fate = ReferenceFate.OutsideEveryRegion };
            return;
        }

        ConsumePartsUpTo(t);
        // The call's own reportedAt is t, so the incident is evaluated as if reported at t as it is.
        var result = dispatcher.Recommend(incident, everything);

        // stockOuts: "calls whose first evaluation excluded some unit for part_out_of_stock"; this is the first.
        var stockOut = result.Excluded.Any(e => e.Reason == ReasonCodes.PartOutOfStock);
        if (stockOut)
        {
            stockOuts++;
        }

        outcomes[call] = outcomes[call] with { StockOut = stockOut };
        if (result.Recommendation is { } option)
        {
            Dispatch(call, option, t, option.EtaMin, fromQueue: false);
            return;
        }

        waiting.Add(call);
    }

    /// <summary>Handles every instant up to <paramref name="t"/> at which units become available, in time order.</summary>
    private void ReturnUnitsUpTo(double t)
    {
        while (NextReturn() is { } w && w <= t)
        {
            ConsumePartsUpTo(w);

            // "at each, all its units become available (ties: resource id ordinal), then the waiting queue is tried"
            foreach (var unit in units.Where(u => u.Status == ResourceStatus.Assigned && u.BackAtMin == w).OrderBy(u => u.Id, StringComparer.Ordinal).ToList())
            {
                BecomeAvailable(unit);
            }

            RecordCoverage(w);
            TryQueue(w);

            // "..., as does any incident still waiting when no unit is busy any more."
            if (!units.Any(u => u.Status == ResourceStatus.Assigned))
            {
                foreach (var call in waiting)
                {
                    outcomes[call] = outcomes[call] with { Fate = ReferenceFate.NoUnitBusyAnyMore, Note = $"at {w:R}" };
                }

                waiting.Clear();
            }
        }
    }

    private double? NextReturn()
    {
        double? next = null;
        foreach (var unit in units)
        {
            if (unit.Status == ResourceStatus.Assigned && (next is null || unit.BackAtMin < next))
            {
                next = unit.BackAtMin;
            }
        }

        return next;
    }

    /// <summary>"The waiting queue is ordered by priority (p1 first), then reportedAt, then id. At each instant w
    /// ..., the queue is tried in order, each incident evaluated as if reported at w."</summary>
    private void TryQueue(double w)
    {
        var inOrder = waiting
            .OrderBy(c => PriorityRank(calls[c].Incident.Priority))
            .ThenBy(c => calls[c].Incident.ReportedAt)
            .ThenBy(c => calls[c].Id, StringComparer.Ordinal)
            .ToList();
        var asOf = start.AddTicks((long)Math.Round(w * TimeSpan.TicksPerMinute));
        foreach (var call in inOrder)
        {
            var waited = w - callMin[call];
            if (waited > maxWaitMin)
            {
                waiting.Remove(call);
                outcomes[call] = outcomes[call] with { Fate = ReferenceFate.WaitedTooLong, Note = $"waited {waited:R} at the try at {w:R}" };
                continue;
            }

            var option = dispatcher.Recommend(calls[call].Incident with { ReportedAt = asOf }, everything).Recommendation;
            if (option is not null)
            {
                waiting.Remove(call);
                Dispatch(call, option, w, waited + option.EtaMin, fromQueue: true);
            }
        }
    }

    private static int PriorityRank(string priority) => priority switch
    {
        "p1" => 1,
        "p2" => 2,
        "p3" => 3,
        _ => throw new ArgumentException($"unknown priority {priority}", nameof(priority)),
    };

    private double MinutesSinceStart(DateTimeOffset instant) => (instant - start).Ticks / (double)TimeSpan.TicksPerMinute;
}
