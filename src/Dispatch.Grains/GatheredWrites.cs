namespace Dispatch.Grains;

/// <summary>
/// Changes that arrive while a grain's state write is in flight wait together and go out in the next write, so that
/// callers at the same time share one write; each caller is answered only once storage has its change.
/// </summary>
/// <remarks>For a <c>[Reentrant]</c> grain: every turn runs on the grain's one thread, so the pending list needs no
/// lock. When a write fails, it and everything pending fail with its exception (the grain deactivates after a
/// failed write, see <see cref="PersistentStateExtensions.UpdateAsync{T}"/>), and their callers retry.</remarks>
internal sealed class GatheredWrites<T>(Func<IReadOnlyList<T>, Task> write)
{
    private readonly List<(T Change, TaskCompletionSource Written)> pending = [];
    private bool writing;

    /// <summary>Changes accepted but not yet stored, the one in flight excluded.</summary>
    public int PendingCount => pending.Count;

    /// <summary>Queues <paramref name="change"/> for the next write; completes once it is stored.</summary>
    public Task AddAsync(T change)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Add((change, written));
        if (!writing)
        {
            writing = true;
            _ = WriteAllAsync();
        }

        return written.Task;
    }

    // Writes what is pending, then what arrived meanwhile, until nothing is left.
    private async Task WriteAllAsync()
    {
        try
        {
            while (pending.Count > 0)
            {
                var batch = pending.ToArray();
                pending.Clear();
                try
                {
                    await write([.. batch.Select(b => b.Change)]);
                }
                catch (Exception e)
                {
                    foreach (var (_, written) in batch.Concat(pending))
                    {
                        written.TrySetException(e);
                    }

                    pending.Clear();
                    return;
                }

                foreach (var (_, written) in batch)
                {
                    written.TrySetResult();
                }
            }
        }
        finally
        {
            writing = false;
        }
    }
}
