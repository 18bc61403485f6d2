using Dispatch.Solver.Coverage;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Dispatching;

public sealed partial class DispatchEngine
{
    /// <summary>The compiled network the engine walks; the simulator reads the same arrays instead of a second model.</summary>
    internal CompiledNetwork Network => network;

    internal CoverageIndex CoverageIndex => coverage;

    internal ResourceState ResourceAt(int index) => network.Resources[index];
}
