using Orleans.Concurrency;

namespace Dispatch.Grains.Auditing;

/// <summary>A page of the audit log. Reentrant so that appends arriving while a write is in flight go out together in
/// the next write (<see cref="GatheredWrites{T}"/>); each caller is answered only once storage has its entry.</summary>
[Reentrant]
public sealed class AuditPageGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditPageState> state) : Grain, IAuditPageGrain
{
    /// <summary>Entries per page: small enough that rewriting a page on each write stays cheap.</summary>
    public const int Capacity = 100;

    private GatheredWrites<AuditEntry>? writes;

    public async Task<AuditEntry?> AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        writes ??= new GatheredWrites<AuditEntry>(batch => state.UpdateAsync(s => s.Clone(), s => s.Entries.AddRange(batch), GrainContext));

        // The state holds the entries of a write in flight already (UpdateAsync applies the change before writing it).
        // After a failed write the grain deactivates: the ids handed to what was pending are reused by the next
        // activation, which is right, since those entries were never kept and their callers hear so.
        var index = state.State.Entries.Count + writes.PendingCount;
        if (index >= Capacity)
        {
            return null;
        }

        var kept = entry with { Id = AuditPosition.OfPageKey(this.GetPrimaryKeyString(), index).ToString() };
        await writes.AddAsync(kept);
        return kept;
    }

    public Task<AuditPage> ReadAsync(int from, int max)
    {
        var entries = state.State.Entries;
        var start = Math.Clamp(from, 0, entries.Count);
        var count = Math.Clamp(max, 0, entries.Count - start);
        return Task.FromResult(new AuditPage([.. entries.GetRange(start, count)], entries.Count >= Capacity));
    }
}
