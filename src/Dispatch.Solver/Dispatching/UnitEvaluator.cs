using Dispatch.Solver.Coverage;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

/// <summary>One unit against one incident (docs/dispatch-semantics.md "Eligibility", "Score"): the first reason it
/// is excluded, or the options it offers with their scores. The single-incident search, the batch candidate search
/// and the simulator all judge units here, so that they can never disagree.</summary>
internal sealed class UnitEvaluator
{
    private readonly CompiledNetwork network;
    private readonly ITravelModel travel;
    private readonly CoverageIndex coverage;

    public UnitEvaluator(LiveNetwork live)
    {
        network = live.Network;
        travel = live.Travel;
        coverage = live.Coverage;
    }

    /// <summary>The exclusion reason in the order of docs/dispatch-semantics.md "Eligibility", or null with the modes
    /// that pass checks 2–3 (<paramref name="partMissing"/> marks those among them whose part is out of stock).</summary>
    public string? ReasonFor(IncidentContext context, ResourceState u, out int[] passing, out bool[]? partMissing)
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

    /// <summary>Fills <paramref name="into"/> with the unit's options (one per mode that passed and has its part),
    /// scored as docs/dispatch-semantics.md "Score" adds the terms.</summary>
    public void ScoreOptions(IncidentContext context, ResourceState u, int[] passing, bool[]? partMissing, List<CandidateOption> into)
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

    /// <summary>A kept option as callers see it, with every term of its score.</summary>
    public DispatchOption ToOption(IncidentContext context, CandidateOption o)
    {
        var u = network.Resources[o.Resource];
        var center = network.Centers[u.CenterIndex];
        var mode = context.Modes[o.Mode];
        return new DispatchOption(u.Id, network.Types[u.TypeIndex].Name, center.Id, center.Kind, mode.Mode, context.Skus[o.Mode], o.EtaMin, o.Score,
            new OptionBreakdown(o.EtaMin, o.ModePenaltyMin, o.CrossRegionPenaltyMin, o.PartnerPenaltyMin, o.CoverageLoss, o.CoveragePenaltyMin),
            o.EtaMin <= context.Region.CoverageStandardMin);
    }

    /// <summary>True when one of <paramref name="units"/> passes every eligibility check for the incident.</summary>
    public bool AnyEligible(Incident incident, int regionIndex, IReadOnlyList<ResourceState> units)
    {
        if (units.Count == 0)
        {
            return false;
        }

        var context = IncidentContext.Create(network, incident, network.Regions[regionIndex]);
        foreach (var u in units)
        {
            if (ReasonFor(context, u, out _, out _) is null)
            {
                return true;
            }
        }

        return false;
    }
}
