namespace Dispatch.Grains.Centers;

/// <summary>Persisted state of a service center (version 1 of the layout; new members take new ids).</summary>
[GenerateSerializer]
public sealed class CenterState
{
    /// <summary>The network document version that last configured this center; 0: never configured.</summary>
    [Id(0)] public long NetworkVersion { get; set; }
    [Id(1)] public List<ResourceSnapshot> Resources { get; set; } = [];
    [Id(2)] public Dictionary<string, StockSnapshot> Stock { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public Dictionary<string, Reservation> Reservations { get; set; } = new(StringComparer.Ordinal);

    public CenterState Clone() => new()
    {
        NetworkVersion = NetworkVersion,
        Resources = [.. Resources],
        Stock = new Dictionary<string, StockSnapshot>(Stock, StringComparer.Ordinal),
        Reservations = new Dictionary<string, Reservation>(Reservations, StringComparer.Ordinal),
    };
}
