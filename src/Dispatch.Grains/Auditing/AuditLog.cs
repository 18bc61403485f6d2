using System.Collections.Concurrent;

namespace Dispatch.Grains.Auditing;

/// <summary>Writes to and reads the audit log, which is kept in pages of at most <see cref="AuditPageGrain.Capacity"/>
/// entries per UTC day (<see cref="IAuditPageGrain"/>): no state grows without bound, and appends made at the same
/// time share a write. One per silo.</summary>
public sealed class AuditLog(IGrainFactory grains, TimeProvider time)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    /// <summary>Pages one answer reads at most, so that a filter that matches little cannot make a request scan the
    /// whole range: the answer then holds what was found and a cursor to go on from.</summary>
    public const int MaxPagesPerQuery = 64;

    // The page this silo appends to, per day: a silo restarted walks forward from page 0 once.
    private readonly ConcurrentDictionary<DateOnly, int> currentPage = new();

    /// <summary>Appends an entry now, by <paramref name="keyId"/>; answers once storage has it.</summary>
    public async Task<AuditEntry> RecordAsync(string keyId, string action, string target, string? incidentId = null, string? detail = null, IEnumerable<string>? incidents = null)
    {
        var at = time.GetUtcNow();
        var entry = new AuditEntry(string.Empty, at, keyId, action, target, incidentId, detail, incidents is null ? default : [.. incidents]);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        ForgetOldDays(day);
        while (true)
        {
            var page = currentPage.GetOrAdd(day, 0);
            var kept = await grains.GetGrain<IAuditPageGrain>(new AuditPosition(day, page, 0).PageKey).AppendAsync(entry);
            if (kept is not null)
            {
                return kept;
            }

            // Full: the next page, unless another append moved on already.
            currentPage.TryUpdate(day, page + 1, page);
        }
    }

    /// <summary>Entries in order of the log (by day, then as appended), at most <see cref="AuditQuery.Limit"/>.</summary>
    public async Task<AuditSlice> QueryAsync(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lastDay = DateOnly.FromDateTime(query.To.UtcDateTime);
        var position = query.After ?? new AuditPosition(DateOnly.FromDateTime(query.From.UtcDateTime), 0, 0);
        var items = new List<AuditEntry>();
        for (var read = 0; position.Day <= lastDay; read++)
        {
            if (read == MaxPagesPerQuery)
            {
                return new AuditSlice(items, position);
            }

            var page = await grains.GetGrain<IAuditPageGrain>(position.PageKey).ReadAsync(position.Index, AuditPageGrain.Capacity);
            for (var i = 0; i < page.Entries.Length; i++)
            {
                var entry = page.Entries[i];
                if (!Matches(entry, query))
                {
                    continue;
                }

                if (items.Count == query.Limit)
                {
                    return new AuditSlice(items, position with { Index = position.Index + i });
                }

                items.Add(entry);
            }

            // A full page has a successor on the same day; a page not full is the day's last, so far.
            position = page.Full
                ? new AuditPosition(position.Day, position.Page + 1, 0)
                : new AuditPosition(position.Day.AddDays(1), 0, 0);
        }

        return new AuditSlice(items, null);
    }

    private static bool Matches(AuditEntry entry, AuditQuery query) =>
        entry.At >= query.From && entry.At <= query.To
        && (query.KeyId is null || entry.KeyId == query.KeyId)
        && (query.IncidentId is null || entry.Concerns(query.IncidentId));

    private void ForgetOldDays(DateOnly today)
    {
        foreach (var day in currentPage.Keys)
        {
            if (day < today.AddDays(-1))
            {
                currentPage.TryRemove(day, out _);
            }
        }
    }
}
