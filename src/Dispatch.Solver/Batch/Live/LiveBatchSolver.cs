using System.Diagnostics;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Batch.Live;

/// <summary>Assigns open incidents jointly over live state (docs/dispatch-semantics.md "Batch (surge)"): finds each
/// incident's options, builds the batch problem, splits it into independent parts and solves each within its share of
/// the time limit, then maps the answer back to units and modes. Reads state only.</summary>
internal sealed class LiveBatchSolver
{
    // A part solved after the time limit has passed still gets this long: it returns its greedy start if it must.
    private static readonly TimeSpan MinComponentTime = TimeSpan.FromMilliseconds(20);

    // Parts at least this large start from their assignment relaxation, which also bounds them (BatchRelaxation).
    private const int RelaxationMinOptions = 1_000;

    // A big part spends this share of its time on the relaxation (its bound and a good start), CP-SAT the rest:
    // the start is what lets CP-SAT finish a big part at all within the limit.
    private const double RelaxationShareOfTime = 0.8;

    private readonly LiveNetwork live;
    private readonly BatchCandidateSearch search;
    private readonly UnitEvaluator evaluator;

    public LiveBatchSolver(LiveNetwork live, BatchCandidateSearch search, UnitEvaluator evaluator)
    {
        this.live = live;
        this.search = search;
        this.evaluator = evaluator;
    }

    /// <summary>Options the last batch handed to the solver; tests use it to show that the candidate search stops early.</summary>
    public int LastBatchCandidateCount { get; private set; }

    /// <summary>Solves a batch whose incidents the caller has checked (ids present and distinct).</summary>
    public LiveBatchResult Solve(IReadOnlyList<(string Id, Incident Incident)> incidents, BatchSolverSettings settings)
    {
        var started = Stopwatch.GetTimestamp();
        var exposure = new Dictionary<int, double>();
        var candidates = incidents.Select(pair => search.Find(pair.Id, pair.Incident, incidents.Count, exposure)).ToArray();
        var problem = BatchProblemBuilder.Build(live.Network, live.Coverage, candidates, incidents.Count);
        LastBatchCandidateCount = problem.Incidents.Sum(incident => incident.Options.Count);

        var assigned = new List<(int Index, LiveBatchAssignment Assigned)>();
        var unassigned = new List<(int Index, LiveBatchUnassignedIncident Unassigned)>();
        var terms = new BatchObjectiveBreakdown(0, 0, 0, 0);
        var bound = 0.0;
        var optimal = true;
        var solver = new BatchSolver();

        // Small parts first: they finish at once; each part gets a share of what is left of the time limit in
        // proportion to its size, so the last big part is not starved by the one before it.
        var components = BatchComponents.Split(problem).OrderBy(c => c.OptionCount).ToList();
        var optionsLeft = components.Sum(c => c.OptionCount);
        foreach (var component in components)
        {
            var left = settings.TimeLimit - Stopwatch.GetElapsedTime(started);
            var share = optionsLeft == 0 ? left : left * ((double)component.OptionCount / optionsLeft);
            optionsLeft -= component.OptionCount;
            var partStarted = Stopwatch.GetTimestamp();

            var (relaxedBound, start) = component.OptionCount >= RelaxationMinOptions
                ? BatchRelaxation.Solve(solver, component.Problem, settings, share * RelaxationShareOfTime)
                : (double.NegativeInfinity, null);
            var rest = share - Stopwatch.GetElapsedTime(partStarted);
            var solution = solver.Solve(component.Problem, settings with { TimeLimit = rest > MinComponentTime ? rest : MinComponentTime }, start);
            foreach (var a in solution.Assignments)
            {
                var index = component.IncidentIndex[a.IncidentIndex];
                var set = candidates[index];
                var option = set.Options[a.Payload];
                assigned.Add((index, new LiveBatchAssignment(set.Id, evaluator.ToOption(set.Context!, option), a.Cost, a.PriorityWeight, a.WeightedCost)));
            }

            foreach (var u in solution.Unassigned)
            {
                var index = component.IncidentIndex[u.IncidentIndex];
                var reason = candidates[index].Context is null ? LiveBatchResult.OutsideServedArea : u.Reason;
                unassigned.Add((index, new LiveBatchUnassignedIncident(u.IncidentId, reason, u.Penalty)));
            }

            var b = solution.Breakdown;
            terms = new BatchObjectiveBreakdown(terms.WeightedCost + b.WeightedCost, terms.LostDemandWeight + b.LostDemandWeight,
                terms.CoveragePenalty + b.CoveragePenalty, terms.UnassignedPenalty + b.UnassignedPenalty);
            bound += Math.Max(solution.BestBound, relaxedBound);
            optimal &= solution.Optimal;
        }

        var objective = terms.Total;
        var gap = optimal ? 0 : Math.Max(0, objective - bound) / Math.Max(1, Math.Abs(objective));
        return new LiveBatchResult(
            [.. assigned.OrderBy(a => a.Index).Select(a => a.Assigned)],
            [.. unassigned.OrderBy(u => u.Index).Select(u => u.Unassigned)],
            objective, terms, optimal, gap, Math.Min(bound, objective),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, LastBatchCandidateCount);
    }
}
