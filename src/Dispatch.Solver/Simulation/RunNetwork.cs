using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Simulation;

/// <summary>The network as a run starts from it: open live incidents are not simulated, so a unit they hold
/// counts as available and a part they reserve as free; offline units stay offline.</summary>
internal static class RunNetwork
{
    public static NetworkDocument Normalize(NetworkDocument document) => document with
    {
        Centers = document.Centers?.Select(c => c is null ? c! : c with
        {
            Resources = c.Resources?.Select(r => r is { Status: "assigned" } ? r with { Status = "available" } : r).ToList(),
            Stock = c.Stock?.ToDictionary(kv => kv.Key, kv => kv.Value is { } level ? level with { Reserved = 0 } : kv.Value, StringComparer.Ordinal),
        }).ToList(),
    };
}
