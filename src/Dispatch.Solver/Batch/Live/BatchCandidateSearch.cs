using Dispatch.Solver.Coverage;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Batch.Live;

/// <summary>Finds each incident's options for a batch over live state: a ring search, with the eligibility and score
/// of a single recommendation, that keeps every option until the ones it has not looked at are provably useless.
/// </summary>
/// <remarks>
/// The search stops, short of the service areas' reach, once the options it has not looked at are provably useless.
/// With n incidents in the batch, let T be the least batch cost (priority weight times score without coverage) any
/// option beyond the ring can have, and call a found option "safe" when it needs no part or one with at least n in
/// stock (so it can never run short), and its cost plus X(u) is below T, where X(u) = coverageLambda times the
/// weighted demand of the points u covers that at most n units cover now (no other point can be lost by a batch of
/// n). Once n distinct units carry safe options, any solution giving the incident an option beyond the ring leaves at
/// least one of them free (the other n - 1 incidents hold at most n - 1 units); switching to it is feasible and
/// lowers the objective, so no optimum uses an option beyond the ring. The problem handed to the solver therefore
/// has the optimum of the full problem, and its "optimal" flag holds for the full problem.
/// </remarks>
internal sealed class BatchCandidateSearch
{
    private readonly LiveNetwork live;
    private readonly CompiledNetwork network;
    private readonly ITravelModel travel;
    private readonly CoverageIndex coverage;
    private readonly UnitRings rings;
    private readonly UnitEvaluator evaluator;
    private readonly List<CandidateOption> scored = [];

    public BatchCandidateSearch(LiveNetwork live, UnitRings rings, UnitEvaluator evaluator)
    {
        this.live = live;
        network = live.Network;
        travel = live.Travel;
        coverage = live.Coverage;
        this.rings = rings;
        this.evaluator = evaluator;
    }

    /// <summary>The options of one incident of a batch of <paramref name="batchSize"/>; <paramref name="exposure"/>
    /// caches each unit's <see cref="Exposure"/> across the incidents of one batch.</summary>
    public BatchCandidates Find(string id, Incident incident, int batchSize, Dictionary<int, double> exposure)
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
        var optionReachKm = live.OptionReachKm(lat, lon);
        if (!context.Profile.AnyTypeCanServe || optionReachKm < 0)
        {
            return set;
        }

        var safe = new List<(double Key, int Resource)>();
        var processed = 0;
        var inner = -1.0;
        var radius = rings.FirstRingKm;
        while (true)
        {
            rings.Collect(lat, lon, inner, radius);
            foreach (var (_, _, resource) in rings.Entries)
            {
                AddOptions(set, network.Resources[resource], batchSize, exposure, safe);
            }

            processed += rings.Entries.Count;
            if (processed >= network.Resources.Length || radius >= UnitRings.WholeEarthKm || radius >= optionReachKm)
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

    private void AddOptions(BatchCandidates set, ResourceState u, int batchSize, Dictionary<int, double> exposure,
        List<(double Key, int Resource)> safe)
    {
        var context = set.Context!;
        if (evaluator.ReasonFor(context, u, out var passing, out var partMissing) is not null)
        {
            return;
        }

        var center = network.Centers[u.CenterIndex];
        evaluator.ScoreOptions(context, u, passing, partMissing, scored);
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

    /// <summary>The most coverage penalty taking the unit can add in a batch of this size: X(u) of the remarks.</summary>
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
}
