namespace Dispatch.Grains.Auditing;

/// <summary>What <see cref="AuditLog.QueryAsync"/> lists: entries with <c>From &lt;= at &lt;= To</c>, filtered by key
/// and case, from <see cref="After"/> on (a cursor) or from the start of <see cref="From"/>'s day.</summary>
public sealed record AuditQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    string? KeyId = null,
    string? IncidentId = null,
    AuditPosition? After = null,
    int Limit = AuditLog.DefaultLimit);

/// <param name="Next">Where the next answer starts; null when the range holds nothing more (as of now).</param>
public sealed record AuditSlice(IReadOnlyList<AuditEntry> Items, AuditPosition? Next);
