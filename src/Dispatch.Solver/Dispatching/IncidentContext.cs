using Dispatch.Solver.Network;
using Dispatch.Solver.Rules;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

/// <summary>What a recommendation works out once per incident rather than once per unit: the incident's
/// region, the rules that apply, the fault's profile and the parts its modes need.</summary>
internal sealed class IncidentContext
{
    private IncidentContext(Incident incident, RegionSpec region, FaultProfile profile, string?[] skus, AccessRule[] rules, double coverageFactor)
    {
        Incident = incident;
        Region = region;
        Profile = profile;
        Skus = skus;
        Rules = rules;
        CoverageFactor = coverageFactor;
        FastestProfile = profile.AnyTypeCanServe
            ? new TravelProfile(profile.MaxSpeedKmh, profile.MinMobilizationMin, region.Circuity, region.SpeedFactor)
            : default;
    }

    public Incident Incident { get; }
    public RegionSpec Region { get; }
    public FaultProfile Profile { get; }
    public FaultModeSpec[] Modes => Profile.Modes;

    /// <summary>Resolved SKU per mode, null when the mode needs no part (or the spec is unknown).</summary>
    public string?[] Skus { get; }

    /// <summary>Rules that apply to this incident, in document order.</summary>
    public AccessRule[] Rules { get; }

    public double CoverageFactor { get; }

    /// <summary>The fastest eligible type in this region: its ETA at a distance bounds every option's.</summary>
    public TravelProfile FastestProfile { get; }

    public static IncidentContext Create(CompiledNetwork network, Incident incident, RegionSpec region)
    {
        var profile = FaultProfile.For(network, incident.Fault, incident.IsElectrified, incident.TireSpec is not null);
        var skus = new string?[profile.Modes.Length];
        for (var i = 0; i < skus.Length; i++)
        {
            skus[i] = profile.Modes[i].ResolvePart(incident.TireSpec);
        }

        var rules = network.Rules.Length == 0 ? [] : Array.FindAll(network.Rules, r => r.AppliesTo(incident));
        return new IncidentContext(incident, region, profile, skus, rules,
            network.PriorityCoverageFactor.TryGetValue(incident.Priority, out var factor) ? factor : 0);
    }
}
