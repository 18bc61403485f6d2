using Dispatch.Solver.Network;
using Dispatch.Solver.Rules;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

/// <summary>What a recommendation works out once per incident rather than once per unit: the incident's
/// region, the rules that apply, and per resource type how far each mode gets before stock is looked at.</summary>
internal sealed class IncidentContext
{
    private IncidentContext(Incident incident, RegionSpec region, FaultModeSpec[] modes, string?[] skus, AccessRule[] rules,
        int[][] passingModes, string[] typeReason, double coverageFactor)
    {
        Incident = incident;
        Region = region;
        Modes = modes;
        Skus = skus;
        Rules = rules;
        PassingModes = passingModes;
        TypeReason = typeReason;
        CoverageFactor = coverageFactor;
    }

    public Incident Incident { get; }
    public RegionSpec Region { get; }
    public FaultModeSpec[] Modes { get; }

    /// <summary>Resolved SKU per mode, null when the mode needs no part (or the spec is unknown).</summary>
    public string?[] Skus { get; }

    /// <summary>Rules that apply to this incident, in document order.</summary>
    public AccessRule[] Rules { get; }

    /// <summary>Per resource type, the modes that pass checks 2(a)–3(c), in catalog order.</summary>
    public int[][] PassingModes { get; }

    /// <summary>Per resource type with no passing mode, the reason of the mode that got furthest.</summary>
    public string[] TypeReason { get; }

    public double CoverageFactor { get; }

    /// <summary>True when some type can serve in some mode, stock aside.</summary>
    public bool AnyTypeCanServe { get; private init; }

    /// <summary>Lower bound of any option's ranking key at a given great-circle distance.</summary>
    public TravelProfile FastestProfile { get; private init; }

    public double MinModePenalty { get; private init; }

    public static IncidentContext Create(CompiledNetwork network, Incident incident, RegionSpec region)
    {
        var modes = network.Faults.TryGetValue(incident.Fault, out var m) ? m : [];
        var skus = modes.Select(mode => mode.ResolvePart(incident.TireSpec)).ToArray();
        var rules = network.Rules.Where(r => r.AppliesTo(incident)).ToArray();
        var passing = new int[network.Types.Length][];
        var reasons = new string[network.Types.Length];
        var anyCanServe = false;
        var minMob = double.PositiveInfinity;
        var maxSpeed = 0.0;
        var minPenalty = double.PositiveInfinity;
        foreach (var type in network.Types)
        {
            var list = new List<int>();
            var furthest = -1;
            for (var i = 0; i < modes.Length; i++)
            {
                var stage = StageReached(modes[i], type, incident);
                if (stage == 3)
                {
                    list.Add(i);
                    minPenalty = Math.Min(minPenalty, modes[i].PenaltyMin);
                }
                else if (stage > furthest)
                {
                    furthest = stage;
                }
            }

            passing[type.Index] = [.. list];
            reasons[type.Index] = furthest switch
            {
                1 => ReasonCodes.EvRequiresFlatbed,
                2 => ReasonCodes.PartSpecUnknown,
                _ => ReasonCodes.CannotServeFault,
            };
            if (list.Count > 0)
            {
                anyCanServe = true;
                minMob = Math.Min(minMob, type.MobilizationMin);
                maxSpeed = Math.Max(maxSpeed, type.SpeedKmh);
            }
        }

        return new IncidentContext(incident, region, modes, skus, rules, passing, reasons,
            network.PriorityCoverageFactor.TryGetValue(incident.Priority, out var factor) ? factor : 0)
        {
            AnyTypeCanServe = anyCanServe,
            FastestProfile = anyCanServe ? new TravelProfile(maxSpeed, minMob, region.Circuity, region.SpeedFactor) : default,
            MinModePenalty = anyCanServe ? minPenalty : 0,
        };
    }

    // 0: the mode does not list the type; 1: EV tow needs an EV tow type; 2: the part needs the tyre spec;
    // 3: passes (a)–(c), stock is checked per center.
    private static int StageReached(FaultModeSpec mode, ResourceTypeSpec type, Incident incident)
    {
        if (!mode.Types[type.Index])
        {
            return 0;
        }

        if (incident.IsElectrified && mode.IsTow && !type.CanTowEv)
        {
            return 1;
        }

        if (mode.NeedsTireSpec && incident.TireSpec is null)
        {
            return 2;
        }

        return 3;
    }
}
