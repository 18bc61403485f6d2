using System.Diagnostics;
using Dispatch.Solver.Batch;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

public sealed partial class DispatchEngine
{
    // A part solved after the time limit has passed still gets this long: it returns its greedy start if it must.
    private static readonly TimeSpan MinComponentTime = TimeSpan.FromMilliseconds(20);

    // Parts at least this large start from their assignment relaxation, which also bounds them (BatchRelaxation).
    private const int RelaxationMinOptions = 1_000;

    // A big part spends this share of its time on the relaxation (its bound and a good start), CP-SAT the rest:
    // the start is what lets CP-SAT finish a big part at all within the limit.
    private const double RelaxationShareOfTime = 0.8;

    /// <summary>Options the last batch handed to the solver; tests use it to show that the candidate search stops early.</summary>
    internal int LastBatchCandidateCount { get; private set; }

    /// <summary>Assigns open incidents jointly over live state (docs/dispatch-semantics.md "Batch (surge)"). Reads
    /// state only.</summary>
    /// <remarks>
    /// Each incident's options come from a ring search that stops, short of the service areas' reach, once the
    /// options it has not looked at are provably useless. With n incidents in the batch, let T be the least batch
    /// cost (priority weight times score without coverage) any option beyond the ring can have, and call a found
    /// option "safe" when it needs no part or one with at least n in stock (so it can never run short), and its
    /// cost plus X(u) is below T, where X(u) = coverageLambda times the weighted demand of the points u covers that
    /// at most n units cover now (no other point can be lost by a batch of n). Once n distinct units carry safe
    /// options, any solution giving the incident an option beyond the ring leaves at least one of them free (the
    /// other n - 1 incidents hold at most n - 1 units); switching to it is feasible and lowers the objective, so no
    /// optimum uses an option beyond the ring. The problem handed to the solver therefore has the optimum of the
    /// full problem, and its "optimal" flag holds for the full problem.
    /// </remarks>
    public BatchResult SolveBatch(IReadOnlyList<(string Id, Incident Incident)> incidents, BatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalidBatch(incidents);

        var started = Stopwatch.GetTimestamp();
        var exposure = new Dictionary<int, double>();
        var candidates = incidents.Select(pair => FindBatchCandidates(pair.Id, pair.Incident, incidents.Count, exposure)).ToArray();
        var problem = BuildBatchProblem(candidates, incidents.Count);
        LastBatchCandidateCount = problem.Incidents.Sum(incident => incident.Options.Count);

        var assigned = new List<(int Index, BatchAssignedIncident Assigned)>();
        var unassigned = new List<(int Index, BatchUnassignedIncident Unassigned)>();
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
            var left = options.TimeLimit - Stopwatch.GetElapsedTime(started);
            var share = optionsLeft == 0 ? left : left * ((double)component.OptionCount / optionsLeft);
            optionsLeft -= component.OptionCount;
            var partStarted = Stopwatch.GetTimestamp();

            var (relaxedBound, start) = component.OptionCount >= RelaxationMinOptions
                ? BatchRelaxation.Solve(solver, component.Problem, options, share * RelaxationShareOfTime)
                : (double.NegativeInfinity, null);
            var rest = share - Stopwatch.GetElapsedTime(partStarted);
            var solution = solver.Solve(component.Problem, options with { TimeLimit = rest > MinComponentTime ? rest : MinComponentTime }, start);
            foreach (var a in solution.Assignments)
            {
                var index = component.IncidentIndex[a.IncidentIndex];
                var set = candidates[index];
                var option = set.Options[a.Payload];
                assigned.Add((index, new BatchAssignedIncident(set.Id, ToOption(set.Context!, option), a.Cost, a.PriorityWeight, a.WeightedCost)));
            }

            foreach (var u in solution.Unassigned)
            {
                var index = component.IncidentIndex[u.IncidentIndex];
                var reason = candidates[index].Context is null ? BatchResult.OutsideServedArea : u.Reason;
                unassigned.Add((index, new BatchUnassignedIncident(u.IncidentId, reason, u.Penalty)));
            }

            var b = solution.Breakdown;
            terms = new BatchObjectiveBreakdown(terms.WeightedCost + b.WeightedCost, terms.LostDemandWeight + b.LostDemandWeight,
                terms.CoveragePenalty + b.CoveragePenalty, terms.UnassignedPenalty + b.UnassignedPenalty);
            bound += Math.Max(solution.BestBound, relaxedBound);
            optimal &= solution.Optimal;
        }

        var objective = terms.Total;
        var gap = optimal ? 0 : Math.Max(0, objective - bound) / Math.Max(1, Math.Abs(objective));
        return new BatchResult(
            [.. assigned.OrderBy(a => a.Index).Select(a => a.Assigned)],
            [.. unassigned.OrderBy(u => u.Index).Select(u => u.Unassigned)],
            objective, terms, optimal, gap, Math.Min(bound, objective),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, LastBatchCandidateCount);
    }

    private static void ThrowIfInvalidBatch(IReadOnlyList<(string Id, Incident Incident)> incidents)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < incidents.Count; i++)
        {
            var (id, incident) = incidents[i];
            if (id is null || incident is null)
            {
                throw new ArgumentException($"incident {i} needs an id and an incident", nameof(incidents));
            }

            if (!ids.Add(id))
            {
                throw new ArgumentException($"incident id '{id}' appears twice in the batch", nameof(incidents));
            }
        }
    }

    private BatchCandidates FindBatchCandidates(string id, Incident incident, int batchSize, Dictionary<int, double> exposure)
    {
        var weight = network.PriorityWeight.TryGetValue(incident.Priority, out var w) ? w : 1;
        var penalty = network.UnassignedPenaltyMin.TryGetValue(incident.Priority, out var p) ? p : 0;
        var lat = incident.Location.Lat;
        var lon = incident.Location.Lon;
        var regionIndex = network.RegionIndexOf(lat, lon);
        if (regionIndex < 0)
        {
            return new BatchCandidates(id, null, weight, penalty);
        }

        var context = IncidentContext.Create(network, incident, network.Regions[regionIndex]);
        var set = new BatchCandidates(id, context, weight, penalty);
        var holdingKm = serviceAreas.FarthestHoldingCentreKm(lat, lon);
        if (!context.Profile.AnyTypeCanServe || holdingKm < 0)
        {
            return set;
        }

        var optionReachKm = ((holdingKm + maxDeviationKm) * (1 + 1e-9)) + 1e-6;
        var safe = new List<(double Key, int Resource)>();
        var processed = 0;
        var inner = -1.0;
        var radius = firstRingKm;
        while (true)
        {
            CollectRing(lat, lon, inner, radius);
            foreach (var (_, _, resource) in ring)
            {
                AddBatchOptions(set, network.Resources[resource], batchSize, exposure, safe);
            }

            processed += ring.Count;
            if (processed >= network.Resources.Length || radius >= WholeEarthKm || radius >= optionReachKm)
            {
                return set;
            }

            // The least batch cost of any option beyond the ring: the fastest type's ETA at the ring's edge.
            var beyond = weight * (travel.MinEtaMinutes(radius, context.FastestProfile) + context.Profile.MinModePenalty);
            if (DistinctSafeUnitsBelow(safe, beyond) >= batchSize)
            {
                return set;
            }

            inner = radius;
            radius = optionReachKm > radius && optionReachKm < radius * 2 ? optionReachKm : radius * 2;
        }
    }

    private static int DistinctSafeUnitsBelow(List<(double Key, int Resource)> safe, double bound)
    {
        var units = new HashSet<int>();
        foreach (var (key, resource) in safe)
        {
            if (key < bound)
            {
                units.Add(resource);
            }
        }

        return units.Count;
    }

    private void AddBatchOptions(BatchCandidates set, Network.ResourceState u, int batchSize, Dictionary<int, double> exposure,
        List<(double Key, int Resource)> safe)
    {
        var context = set.Context!;
        if (ReasonFor(context, u, out var passing, out var partMissing) is not null)
        {
            return;
        }

        var center = network.Centers[u.CenterIndex];
        ScoreOptions(context, u, passing, partMissing, scored);
        foreach (var option in scored)
        {
            var modeIndex = option.Mode;
            var sku = context.Skus[modeIndex];
            set.Options.Add(option);
            set.Slots.Add((u.Index, sku is null ? null : new PartKey(center.Id, sku)));
            if (sku is null || center.Available(sku) >= batchSize)
            {
                safe.Add(((set.PriorityWeight * BatchCandidates.CostOf(option)) + Exposure(u.Index, batchSize, exposure), u.Index));
            }
        }
    }

    /// <summary>The most coverage penalty taking the unit can add in a batch of this size (see <see cref="SolveBatch"/>).</summary>
    private double Exposure(int resource, int batchSize, Dictionary<int, double> cache)
    {
        if (cache.TryGetValue(resource, out var known))
        {
            return known;
        }

        var cls = network.Types[network.Resources[resource].TypeIndex].CoverageClass;
        var sum = 0.0;
        foreach (var d in coverage.CoversOf(resource))
        {
            if (coverage.Count(cls, d) <= batchSize)
            {
                sum += network.DemandPoints[d].WeightedDemand;
            }
        }

        return cache[resource] = network.CoverageLambda * sum;
    }

    /// <summary>The batch problem over the found options. Coverage lists only the demand entries a batch can lose:
    /// those whose every current coverer carries some option (any other entry keeps a free coverer).</summary>
    private BatchProblem BuildBatchProblem(BatchCandidates[] candidates, int batchSize)
    {
        var indexOf = new Dictionary<int, int>();
        var resourceOf = new List<int>();
        var parts = new Dictionary<PartKey, int>();
        var problemIncidents = new List<BatchIncident>(candidates.Length);
        foreach (var set in candidates)
        {
            var options = new List<BatchOption>(set.Options.Count);
            for (var o = 0; o < set.Options.Count; o++)
            {
                var (resource, part) = set.Slots[o];
                if (!indexOf.TryGetValue(resource, out var index))
                {
                    index = indexOf[resource] = resourceOf.Count;
                    resourceOf.Add(resource);
                }

                if (part is { } key && !parts.ContainsKey(key))
                {
                    parts[key] = network.CentersById[key.CenterId].Available(key.Sku);
                }

                options.Add(new BatchOption(index, BatchCandidates.CostOf(set.Options[o]), part, o));
            }

            problemIncidents.Add(new BatchIncident(set.Id, set.PriorityWeight, set.UnassignedPenalty, options));
        }

        var resources = resourceOf
            .Select(r => new BatchResource(network.Resources[r].Id, network.CoverageClasses[network.Types[network.Resources[r].TypeIndex].CoverageClass]))
            .ToList();
        return new BatchProblem(problemIncidents, resources, parts, LosableCoverage(resourceOf, indexOf, batchSize), network.CoverageLambda);
    }

    private List<CoverageDemand> LosableCoverage(List<int> resourceOf, Dictionary<int, int> indexOf, int batchSize)
    {
        var coverers = new Dictionary<(int Class, int Point), List<int>>();
        foreach (var r in resourceOf)
        {
            if (network.Resources[r].Status != ResourceStatus.Available)
            {
                continue;
            }

            var cls = network.Types[network.Resources[r].TypeIndex].CoverageClass;
            foreach (var d in coverage.CoversOf(r))
            {
                if (coverage.Count(cls, d) > batchSize || network.DemandPoints[d].WeightedDemand <= 0)
                {
                    continue;
                }

                if (!coverers.TryGetValue((cls, d), out var list))
                {
                    coverers[(cls, d)] = list = [];
                }

                list.Add(indexOf[r]);
            }
        }

        return coverers
            .Where(entry => entry.Value.Count == coverage.Count(entry.Key.Class, entry.Key.Point))
            .OrderBy(entry => entry.Key.Class)
            .ThenBy(entry => entry.Key.Point)
            .Select(entry => new CoverageDemand(
                network.CoverageClasses[entry.Key.Class],
                network.DemandPoints[entry.Key.Point].Id,
                network.DemandPoints[entry.Key.Point].WeightedDemand,
                entry.Value))
            .ToList();
    }
}
