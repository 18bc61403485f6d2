using Dispatch.Solver.Coverage;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Dispatching;

public sealed partial class DispatchEngine
{
    /// <summary>The compiled network the engine walks; the simulator reads the same arrays instead of a second model.</summary>
    internal CompiledNetwork Network => network;

    internal CoverageIndex CoverageIndex => coverage;

    /// <summary>True when one of <paramref name="units"/> passes every eligibility check for the incident, by the
    /// same checks a recommendation makes.</summary>
    internal bool AnyEligible(Incident incident, int regionIndex, IReadOnlyList<ResourceState> units)
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
