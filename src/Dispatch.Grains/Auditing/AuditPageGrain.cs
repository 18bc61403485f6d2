using Orleans.Concurrency;

namespace Dispatch.Grains.Auditing;

/// <summary>A page of the audit log. Reentrant so that appends arriving while a write is in flight go out together in
/// the next write (as the incident registry's shards do); each caller is answered only once storage has its entry.</summary>
[Reentrant]
public sealed class AuditPageGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditPageState> state) : Grain, IAuditPageGrain
{
    /// <summary>Entries per page: small enough that rewriting a page on each write stays cheap.</summary>
    public const int Capacity = 500;

    private readonly List<(AuditEntry Entry, TaskCompletionSource<AuditEntry?> Written)> pending = [];
    private bool writing;

    public Task<AuditEntry?> AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // The state holds the entries of a write in flight already (UpdateAsync applies the change before writing it).
        var index = state.State.Entries.Count + pending.Count;
        if (index >= Capacity)
        {
            return Task.FromResult<AuditEntry?>(null);
        }

        var kept = entry with { Id = AuditPosition.OfPageKey(this.GetPrimaryKeyString(), index).ToString() };
        var written = new TaskCompletionSource<AuditEntry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Add((kept, written));
        if (!writing)
        {
            writing = true;
            _ = WriteAsync();
        }

        return written.Task;
    }

    public Task<AuditPage> ReadAsync(int from, int max)
    {
        var entries = state.State.Entries;
        var start = Math.Clamp(from, 0, entries.Count);
        var count = Math.Clamp(max, 0, entries.Count - start);
        return Task.FromResult(new AuditPage([.. entries.GetRange(start, count)], entries.Count >= Capacity));
    }

    // Writes what is pending, then what arrived meanwhile, until nothing is left.
    private async Task WriteAsync()
    {
        try
        {
            while (pending.Count > 0)
            {
                var batch = pending.ToArray();
                pending.Clear();
                try
                {
                    await state.UpdateAsync(s => s.Clone(), s => s.Entries.AddRange(batch.Select(b => b.Entry)), GrainContext);
                }
                catch (Exception e)
                {
                    // The grain deactivates after a failed write; the ids handed to what was pending are reused by the
                    // next activation, which is right: those entries were never kept, and their callers hear so.
                    foreach (var (_, written) in batch.Concat(pending))
                    {
                        written.TrySetException(e);
                    }

                    pending.Clear();
                    return;
                }

                foreach (var (entry, written) in batch)
                {
                    written.TrySetResult(entry);
                }
            }
        }
        finally
        {
            writing = false;
        }
    }
}
