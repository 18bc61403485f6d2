namespace Dispatch.Grains.Privacy;

[GenerateSerializer]
public sealed class ClosedDaysState
{
    [Id(0)] public SortedSet<DateOnly> Days { get; set; } = [];

    public ClosedDaysState Clone() => new() { Days = [.. Days] };
}
