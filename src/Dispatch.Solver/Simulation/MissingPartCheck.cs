using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Simulation;

/// <summary>Answers "would this call's full evaluation exclude some unit for <c>part_out_of_stock</c>?" without
/// evaluating every unit in the country.</summary>
/// <remarks>An available unit is excluded for a missing part exactly when each mode that passes checks 2(a)–3(c)
/// for its type needs a part and its center has none of those parts free: availability (check 1) comes before,
/// and rules and radius (checks 4 and 5) come after, so where the unit stands does not matter. That leaves a
/// question about (center, type) pairs with an available unit, answered from the run's counts.</remarks>
internal sealed class MissingPartCheck(CompiledNetwork network, int[,] availableUnits)
{
    private readonly Dictionary<(string Fault, bool Electrified, string? TireSpec), (int Type, string[] Skus)[]> needs = [];

    public bool AnyUnitLacksPart(Incident incident)
    {
        foreach (var (type, skus) in NeedsOf(incident))
        {
            foreach (var center in network.Centers)
            {
                if (availableUnits[center.Index, type] > 0 && LacksAll(center, skus))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool LacksAll(CenterSpec center, string[] skus)
    {
        foreach (var sku in skus)
        {
            if (center.Available(sku) >= 1)
            {
                return false;
            }
        }

        return true;
    }

    // Per type whose every passing mode needs a part: those parts.
    private (int Type, string[] Skus)[] NeedsOf(Incident incident)
    {
        var key = (incident.Fault, incident.IsElectrified, incident.TireSpec);
        if (needs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var profile = FaultProfile.For(network, incident.Fault, incident.IsElectrified, incident.TireSpec is not null);
        var list = new List<(int, string[])>();
        foreach (var type in network.Types)
        {
            var passing = profile.PassingModes[type.Index];
            var skus = passing.Select(m => profile.Modes[m].ResolvePart(incident.TireSpec)).ToArray();
            if (skus.Length > 0 && skus.All(s => s is not null))
            {
                list.Add((type.Index, [.. skus.Distinct(StringComparer.Ordinal).Select(s => s!)]));
            }
        }

        cached = [.. list];
        needs[key] = cached;
        return cached;
    }
}
