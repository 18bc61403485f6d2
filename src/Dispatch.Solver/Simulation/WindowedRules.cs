using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Network;
using Dispatch.Solver.Rules;

namespace Dispatch.Solver.Simulation;

/// <summary>The network's rules with a time window, as bit sets: which are in force at an instant, and which
/// could apply to an incident at all (zone and scope, leaving time aside).</summary>
/// <remarks>A waiting incident needs a fresh evaluation when a rule that could apply to it switched on or off
/// since its last one; comparing two bit sets tells that without converting times per incident.</remarks>
internal sealed class WindowedRules
{
    private readonly AccessRule[] rules;

    public WindowedRules(CompiledNetwork network)
    {
        rules = [.. network.Rules.Where(r => r.Window is not null)];
    }

    /// <summary>Beyond 64 windowed rules the sets cannot hold them all: then every rule counts as switched.</summary>
    public bool Tracked => rules.Length <= 64;

    public ulong InForceAt(DateTimeOffset instant)
    {
        var set = 0UL;
        for (var k = 0; k < rules.Length && k < 64; k++)
        {
            if (rules[k].Window!.Contains(instant))
            {
                set |= 1UL << k;
            }
        }

        return set;
    }

    public ulong CouldApplyTo(Incident incident)
    {
        var set = 0UL;
        for (var k = 0; k < rules.Length && k < 64; k++)
        {
            var rule = rules[k];
            if ((!rule.ExpresswayScope || incident.OnExpressway)
                && (!rule.HasZone || rule.ZoneCovers(incident.Location.Lat, incident.Location.Lon)))
            {
                set |= 1UL << k;
            }
        }

        return set;
    }
}
