using System.Collections.Immutable;

namespace Dispatch.Grains.Auditing;

/// <summary>One page of the append-only audit log: at most <see cref="AuditPageGrain.Capacity"/> entries of one UTC
/// day (key <c>yyyy-MM-dd/page</c>). Pages fill in order; a full page refuses and the writer goes on to the next.</summary>
public interface IAuditPageGrain : IGrainWithStringKey
{
    /// <summary>Appends and answers the entry as kept (with its id) once storage has it; null when the page is full.</summary>
    Task<AuditEntry?> AppendAsync(AuditEntry entry);

    /// <summary>Up to <paramref name="max"/> entries from <paramref name="from"/> on, and whether the page is full.</summary>
    Task<AuditPage> ReadAsync(int from, int max);
}

[GenerateSerializer, Immutable]
public sealed record AuditPage([property: Id(0)] ImmutableArray<AuditEntry> Entries, [property: Id(1)] bool Full);
