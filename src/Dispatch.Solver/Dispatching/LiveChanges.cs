namespace Dispatch.Solver.Dispatching;

/// <summary>A unit as it stands now, after one or more changes.</summary>
public readonly record struct UnitChange(string ResourceId, ResourceStatus Status, double Lat, double Lon);

/// <summary>A center's stock of one part as it stands now.</summary>
public readonly record struct StockChange(string CenterId, string Sku, int OnHand, int Reserved);

/// <summary>What changed since the journal was last taken, as absolute current values (so that applying them again,
/// or in another copy of the same network, is harmless).</summary>
public sealed record LiveChanges(IReadOnlyList<UnitChange> Units, IReadOnlyList<StockChange> Stock)
{
    /// <summary>Nothing changed.</summary>
    public static LiveChanges None { get; } = new([], []);

    /// <summary>Whether no unit and no stock cell changed.</summary>
    public bool IsEmpty => Units.Count == 0 && Stock.Count == 0;
}
