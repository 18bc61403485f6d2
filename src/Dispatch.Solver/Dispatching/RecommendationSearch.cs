using System.Diagnostics;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

/// <summary>The single-incident recommendation (docs/dispatch-semantics.md "Eligibility", "Score"): walks rings of
/// units outwards from the incident and stops as soon as no farther unit can change the answer. This is the hot
/// path of every dispatch; it reuses its buffers and allocates only the answer.</summary>
/// <remarks>Units are visited in rings of growing great-circle distance, nearest first. A unit farther
/// than the ring cannot have an ETA below the fastest eligible type's ETA at the ring's edge, so once the
/// requested number of options is in hand and that bound exceeds the worst of them, no farther unit can
/// enter the answer. Exclusions are collected in the same distance order, so the nearest ones come first.
/// </remarks>
internal sealed class RecommendationSearch
{
    // Halving steps when the next ring's edge is sought where the bound passes the worst kept option: 24 steps narrow
    // a ring of up to 20,000 km to about a metre, past which a tighter ring saves nothing.
    private const int RingEdgeBisectionSteps = 24;

    // The next ring grows by at least this factor, so that rounding in the bound can never stall the search.
    private const double MinRingGrowth = 1.05;

    private readonly LiveNetwork live;
    private readonly CompiledNetwork network;
    private readonly ITravelModel travel;
    private readonly UnitRings rings;
    private readonly UnitEvaluator evaluator;
    private readonly List<CandidateOption> scored = [];

    public RecommendationSearch(LiveNetwork live, UnitRings rings, UnitEvaluator evaluator)
    {
        this.live = live;
        network = live.Network;
        travel = live.Travel;
        this.rings = rings;
        this.evaluator = evaluator;
    }

    /// <summary>Units the last recommendation looked at; tests use it to show that pruning prunes.</summary>
    public int LastVisited { get; private set; }

    public int LastRings { get; private set; }

    /// <summary>Ranks the options for an incident; the query has been checked by the caller.</summary>
    public RecommendationResult Recommend(Incident incident, RecommendationQuery query)
    {
        var started = Stopwatch.GetTimestamp();
        var lat = incident.Location.Lat;
        var lon = incident.Location.Lon;
        var regionIndex = network.RegionIndexOf(lat, lon);
        if (regionIndex < 0)
        {
            return RecommendationResult.OutsideServedArea(ElapsedMicros(started));
        }

        var context = IncidentContext.Create(network, incident, network.Regions[regionIndex]);
        var ranking = new OptionRanking(network.OrdinalRank, query.Policy);
        var best = new BestOptions(ranking, query.Options);
        var excluded = new List<ExcludedResource>();
        // How far options can be is only needed when the bound has not settled them; work it out then.
        double? reach = null;
        double OptionReachKm()
        {
            reach ??= live.OptionReachKm(lat, lon);
            return reach.Value;
        }

        var processed = 0;
        var seen = 0;
        LastRings = 0;
        var inner = -1.0;
        var radius = rings.FirstRingKm;
        var settled = false;
        while (!settled)
        {
            var collected = rings.Collect(lat, lon, inner, radius);
            foreach (var entry in rings.Entries)
            {
                // Units come nearest first: once the bound passes the worst kept option and enough exclusions are
                // in hand, nothing at this distance or beyond can change the answer.
                if (query.Excluded is { } wanted && excluded.Count >= wanted
                    && (!context.Profile.AnyTypeCanServe || (best.IsFull && LowerBoundBeyond(context, ranking, entry.Km) > Slack(best.WorstKey))))
                {
                    settled = true;
                    break;
                }

                Evaluate(context, network.Resources[entry.Resource], best, excluded, query.Excluded);
                processed++;
            }

            seen += collected;
            LastRings++;
            if (settled || seen >= network.Resources.Length || radius >= UnitRings.WholeEarthKm)
            {
                break;
            }

            var optionsDone = !context.Profile.AnyTypeCanServe
                || (best.IsFull && LowerBoundBeyond(context, ranking, radius) > Slack(best.WorstKey))
                || radius >= OptionReachKm();
            var excludedDone = query.Excluded is { } m && excluded.Count >= m;
            if (optionsDone && excludedDone)
            {
                break;
            }

            inner = radius;
            radius = NextRadius(context, ranking, best, radius, optionsDone, optionsDone ? 0 : OptionReachKm());
        }

        LastVisited = processed;
        var options = best.Items.Select(o => evaluator.ToOption(context, o)).ToArray();
        return new RecommendationResult(
            context.Region.Code,
            options.Length > 0 ? RecommendationStatus.Recommended : RecommendationStatus.Unassignable,
            options.Length > 0 ? options[0] : null,
            options.Length > 1 ? options[1..] : [],
            excluded,
            ElapsedMicros(started),
            context.Region.CoverageStandardMin);
    }

    // Double the ring, but stop short where the options are settled: at the distance where the bound passes
    // the worst kept option, or where no center's service area can reach.
    private double NextRadius(IncidentContext context, OptionRanking ranking, BestOptions best, double radius, bool optionsDone, double optionReachKm)
    {
        var next = radius * 2;
        if (optionsDone)
        {
            return next;
        }

        if (optionReachKm > radius && optionReachKm < next)
        {
            next = optionReachKm;
        }

        if (best.IsFull && LowerBoundBeyond(context, ranking, next) > Slack(best.WorstKey))
        {
            var low = radius;
            var high = next;
            for (var i = 0; i < RingEdgeBisectionSteps; i++)
            {
                var mid = (low + high) / 2;
                if (LowerBoundBeyond(context, ranking, mid) > Slack(best.WorstKey))
                {
                    high = mid;
                }
                else
                {
                    low = mid;
                }
            }

            next = Math.Max(high, radius * MinRingGrowth);
        }

        return next;
    }

    private static double Slack(double key) => key + (1e-9 * Math.Max(1, Math.Abs(key)));

    private double LowerBoundBeyond(IncidentContext context, OptionRanking ranking, double km)
    {
        var eta = travel.MinEtaMinutes(km, context.FastestProfile);
        return ranking.Policy == RankingPolicy.Closest ? eta : eta + context.Profile.MinModePenalty;
    }

    private void Evaluate(IncidentContext context, ResourceState u, BestOptions best, List<ExcludedResource> excluded, int? maxExcluded)
    {
        var reason = evaluator.ReasonFor(context, u, out var passing, out var partMissing);
        if (reason is not null)
        {
            if (maxExcluded is not { } m || excluded.Count < m)
            {
                excluded.Add(new ExcludedResource(u.Id, network.Centers[u.CenterIndex].Id, reason));
            }

            return;
        }

        evaluator.ScoreOptions(context, u, passing, partMissing, scored);
        foreach (var option in scored)
        {
            best.Offer(option);
        }
    }

    private static long ElapsedMicros(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
}
