namespace Dispatch.Grains.Auditing;

[GenerateSerializer]
public sealed class AuditPageState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];

    public AuditPageState Clone() => new() { Entries = [.. Entries] };
}
