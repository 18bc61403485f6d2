using Dispatch.Solver.Network;

namespace Dispatch.Solver.Dispatching;

/// <summary>How far each resource type gets through checks 2(a)–3(c) for a fault, which depends only on the fault,
/// whether the vehicle is electrified and whether its tyre spec is known; worked out once and reused.</summary>
internal sealed class FaultProfile
{
    private FaultProfile(FaultModeSpec[] modes, int[][] passingModes, string[] typeReason, bool anyTypeCanServe, double minMobilization, double maxSpeed, double minPenalty)
    {
        Modes = modes;
        PassingModes = passingModes;
        TypeReason = typeReason;
        AnyTypeCanServe = anyTypeCanServe;
        MinMobilizationMin = minMobilization;
        MaxSpeedKmh = maxSpeed;
        MinModePenalty = minPenalty;
    }

    public FaultModeSpec[] Modes { get; }

    /// <summary>Per resource type, the modes that pass checks 2(a)–3(c), in catalog order.</summary>
    public int[][] PassingModes { get; }

    /// <summary>Per resource type with no passing mode, the reason of the mode that got furthest.</summary>
    public string[] TypeReason { get; }

    public bool AnyTypeCanServe { get; }
    public double MinMobilizationMin { get; }
    public double MaxSpeedKmh { get; }
    public double MinModePenalty { get; }

    public static FaultProfile For(CompiledNetwork network, string fault, bool electrified, bool hasTireSpec)
    {
        var key = (fault, electrified, hasTireSpec);
        if (network.FaultProfiles.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var profile = Build(network, fault, electrified, hasTireSpec);

        // Unknown faults come from callers; do not let them grow the cache without bound.
        if (network.Faults.ContainsKey(fault))
        {
            network.FaultProfiles[key] = profile;
        }

        return profile;
    }

    private static FaultProfile Build(CompiledNetwork network, string fault, bool electrified, bool hasTireSpec)
    {
        var modes = network.Faults.TryGetValue(fault, out var m) ? m : [];
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
                var stage = StageReached(modes[i], type, electrified, hasTireSpec);
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

        return new FaultProfile(modes, passing, reasons, anyCanServe, anyCanServe ? minMob : 0, maxSpeed, anyCanServe ? minPenalty : 0);
    }

    // 0: the mode does not list the type; 1: EV tow needs an EV tow type; 2: the part needs the tyre spec;
    // 3: passes (a)–(c), stock is checked per center.
    private static int StageReached(FaultModeSpec mode, ResourceTypeSpec type, bool electrified, bool hasTireSpec)
    {
        if (!mode.Types[type.Index])
        {
            return 0;
        }

        if (electrified && mode.IsTow && !type.CanTowEv)
        {
            return 1;
        }

        if (mode.NeedsTireSpec && !hasTireSpec)
        {
            return 2;
        }

        return 3;
    }
}
