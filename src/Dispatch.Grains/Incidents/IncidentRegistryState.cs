namespace Dispatch.Grains.Incidents;

[GenerateSerializer]
public sealed class IncidentRegistryState
{
    [Id(0)] public Dictionary<string, IncidentListing> Active { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public List<IncidentListing> RecentlyClosed { get; set; } = [];

    public IncidentRegistryState Clone() => new()
    {
        Active = new Dictionary<string, IncidentListing>(Active, StringComparer.Ordinal),
        RecentlyClosed = [.. RecentlyClosed],
    };
}
