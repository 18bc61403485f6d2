using Dispatch.Solver.Batch;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Dispatching;

/// <summary>Solves a batch on a snapshot of the live network, on the thread pool, outside any grain turn.</summary>
internal static class BatchSolves
{
    // A solve holds its cores for up to its time limit: one at a time on half the silo's cores, so that the
    // dispatches and recommendations served meanwhile keep the other half.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static int Workers => Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    public static async Task<LiveBatchResult> SolveAsync(NetworkDocument network, IReadOnlyList<(string Id, Incident Incident)> incidents, BatchSolverSettings settings)
    {
        await Gate.WaitAsync();
        try
        {
            return await Task.Run(() => DispatchEngine.Create(network).SolveBatch(incidents, settings));
        }
        finally
        {
            Gate.Release();
        }
    }
}
