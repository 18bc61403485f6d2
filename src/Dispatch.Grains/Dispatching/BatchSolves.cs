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
            return await OnOwnThread(() => DispatchEngine.Create(network).SolveBatch(incidents, settings));
        }
        finally
        {
            Gate.Release();
        }
    }

    // Not a thread-pool thread: a solve blocks its thread for up to its time limit, and on a small machine the pool
    // would add threads only slowly, so requests would queue behind it. Below normal priority, so that where the
    // system honours it, dispatches win the cores first.
    private static Task<T> OnOwnThread<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception failure)
            {
                done.SetException(failure);
            }
        })
        {
            IsBackground = true,
            Name = "batch solve",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
        return done.Task;
    }
}
