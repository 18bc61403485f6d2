using System.Diagnostics;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

public sealed partial class DispatchEngine
{
    // Half the Earth's circumference: a ring this wide holds every unit.
    private const double WholeEarthKm = Math.PI * Haversine.EarthRadiusKm;

    // Halving steps when the next ring's edge is sought where the bound passes the worst kept option: 24 steps narrow
    // a ring of up to 20,000 km to about a metre, past which a tighter ring saves nothing.
    private const int RingEdgeBisectionSteps = 24;

    // The next ring grows by at least this factor, so that rounding in the bound can never stall the search.
    private const double MinRingGrowth = 1.05;

    private readonly List<RingEntry> ring = [];
    private readonly List<int> found = [];
    private readonly List<CandidateOption> scored = [];

    /// <summary>Units the last recommendation looked at; tests use it to show that pruning prunes.</summary>
    internal int LastVisited { get; private set; }

    internal int LastRings { get; private set; }

    /// <summary>Ranks the options for an incident (docs/dispatch-semantics.md "Eligibility", "Score").</summary>
    /// <remarks>Units are visited in rings of growing great-circle distance, nearest first. A unit farther
    /// than the ring cannot have an ETA below the fastest eligible type's ETA at the ring's edge, so once the
    /// requested number of options is in hand and that bound exceeds the worst of them, no farther unit can
    /// enter the answer. Exclusions are collected in the same distance order, so the nearest ones come first.
    /// </remarks>
    public RecommendationResult Recommend(Incident incident, RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (query.Options is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "at least one option must be asked for");
        }

        if (query.Excluded is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "the excluded count cannot be negative");
        }

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
            reach ??= serviceAreas.FarthestHoldingCentreKm(lat, lon) is var holding and >= 0
                ? ((holding + maxDeviationKm) * (1 + 1e-9)) + 1e-6
                : -1;
            return reach.Value;
        }

        var processed = 0;
        var seen = 0;
        LastRings = 0;
        var inner = -1.0;
        var radius = firstRingKm;
        var settled = false;
        while (!settled)
        {
            var collected = CollectRing(lat, lon, inner, radius);
            foreach (var entry in ring)
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
            if (settled || seen >= network.Resources.Length || radius >= WholeEarthKm)
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
        var options = best.Items.Select(o => ToOption(context, o)).ToArray();
        return new RecommendationResult(
            context.Region.Code,
            options.Length > 0 ? RecommendationStatus.Recommended : RecommendationStatus.Unassignable,
            options.Length > 0 ? options[0] : null,
            options.Length > 1 ? options[1..] : [],
            excluded,
            ElapsedMicros(started));
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

    /// <summary>Fills <see cref="ring"/> with the units at distance in (inner, outer], nearest first, ties by id,
    /// and returns how many that is.</summary>
    private int CollectRing(double lat, double lon, double inner, double outer)
    {
        ring.Clear();
        found.Clear();
        locator.Query(GeoBox.Around(lat, lon, outer), found);
        foreach (var id in found)
        {
            var u = network.Resources[id];
            var km = Haversine.Km(u.Lat, u.Lon, lat, lon);
            if (km > inner && (km <= outer || outer >= WholeEarthKm))
            {
                ring.Add(new RingEntry(km, network.OrdinalRank[id], id));
            }
        }

        ring.Sort();
        return ring.Count;
    }

    private void Evaluate(IncidentContext context, ResourceState u, BestOptions best, List<ExcludedResource> excluded, int? maxExcluded)
    {
        var reason = ReasonFor(context, u, out var passing, out var partMissing);
        if (reason is not null)
        {
            if (maxExcluded is not { } m || excluded.Count < m)
            {
                excluded.Add(new ExcludedResource(u.Id, network.Centers[u.CenterIndex].Id, reason));
            }

            return;
        }

        ScoreOptions(context, u, passing, partMissing, scored);
        foreach (var option in scored)
        {
            best.Offer(option);
        }
    }

    /// <summary>Fills <paramref name="into"/> with the unit's options (one per mode that passed and has its part),
    /// scored as docs/dispatch-semantics.md "Score" adds the terms.</summary>
    private void ScoreOptions(IncidentContext context, ResourceState u, int[] passing, bool[]? partMissing, List<CandidateOption> into)
    {
        into.Clear();
        var center = network.Centers[u.CenterIndex];
        var type = network.Types[u.TypeIndex];
        var region = context.Region;
        var eta = travel.EtaMinutes(u.Lat, u.Lon, context.Incident.Location.Lat, context.Incident.Location.Lon,
            new TravelProfile(type.SpeedKmh, type.MobilizationMin, region.Circuity, region.SpeedFactor));
        var cross = center.RegionIndex != region.Index ? network.CrossRegionPenaltyMin : 0;
        var partner = center.IsPartner ? network.PartnerPenaltyMin : 0;
        var loss = coverage.Loss(u.Index);
        var coveragePenalty = network.CoverageLambda * context.CoverageFactor * loss;
        foreach (var modeIndex in passing)
        {
            if (partMissing is not null && partMissing[modeIndex])
            {
                continue;
            }

            var penalty = context.Modes[modeIndex].PenaltyMin;
            var score = eta + penalty + cross + partner + coveragePenalty;
            into.Add(new CandidateOption(u.Index, modeIndex, eta, penalty, cross, partner, loss, coveragePenalty, score));
        }
    }

    // The exclusion reason in the order of docs/dispatch-semantics.md "Eligibility", or null with the modes that pass
    // checks 2–3.
    private string? ReasonFor(IncidentContext context, ResourceState u, out int[] passing, out bool[]? partMissing)
    {
        passing = [];
        partMissing = null;
        if (u.Status != ResourceStatus.Available)
        {
            return ReasonCodes.NotAvailable;
        }

        var candidates = context.Profile.PassingModes[u.TypeIndex];
        if (candidates.Length == 0)
        {
            return context.Profile.TypeReason[u.TypeIndex];
        }

        var center = network.Centers[u.CenterIndex];
        var anyInStock = false;
        foreach (var modeIndex in candidates)
        {
            var sku = context.Skus[modeIndex];
            if (sku is not null && center.Available(sku) < 1)
            {
                partMissing ??= new bool[context.Modes.Length];
                partMissing[modeIndex] = true;
            }
            else
            {
                anyInStock = true;
            }
        }

        if (!anyInStock)
        {
            return ReasonCodes.PartOutOfStock;
        }

        foreach (var rule in context.Rules)
        {
            var barred = rule.Bars(u.TypeIndex, center.IsPartner);
            if (barred is not null)
            {
                return barred;
            }
        }

        if (Haversine.Km(center.Lat, center.Lon, context.Incident.Location.Lat, context.Incident.Location.Lon) > center.ServiceRadiusKm)
        {
            return ReasonCodes.OutsideServiceRadius;
        }

        passing = candidates;
        return null;
    }

    private DispatchOption ToOption(IncidentContext context, CandidateOption o)
    {
        var u = network.Resources[o.Resource];
        var center = network.Centers[u.CenterIndex];
        var mode = context.Modes[o.Mode];
        return new DispatchOption(u.Id, network.Types[u.TypeIndex].Name, center.Id, center.Kind, mode.Mode, context.Skus[o.Mode], o.EtaMin, o.Score,
            new OptionBreakdown(o.EtaMin, o.ModePenaltyMin, o.CrossRegionPenaltyMin, o.PartnerPenaltyMin, o.CoverageLoss, o.CoveragePenaltyMin));
    }

    private static long ElapsedMicros(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
}
