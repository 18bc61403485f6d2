namespace Dispatch.Grains.Privacy;

[GenerateSerializer]
public sealed class ClosedCasesState
{
    /// <summary>Incident id to when it closed.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> Cases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the calendar knows this day.</summary>
    [Id(1)] public bool InCalendar { get; set; }

    public ClosedCasesState Clone() => new()
    {
        Cases = new Dictionary<string, DateTimeOffset>(Cases, StringComparer.Ordinal),
        InCalendar = InCalendar,
    };
}
