namespace Dispatch.Load.Workload;

/// <summary>The parts of <c>GET /v1/network</c> the generator draws incidents from and the audit checks.</summary>
public sealed record NetworkView(
    IReadOnlyList<string> Faults,
    IReadOnlyList<CenterView> Centers,
    IReadOnlyList<Coordinates> DemandPoints,
    IReadOnlyList<string> TireSpecs)
{
    public const string TirePrefix = "TIRE-";

    /// <summary>Every (center, SKU) stock level, for the start and end snapshots of the audit.</summary>
    public IReadOnlyDictionary<StockKey, StockCount> StockLevels() =>
        Centers.SelectMany(c => c.Stock.Select(s => KeyValuePair.Create(new StockKey(c.Id, s.Key), s.Value)))
            .ToDictionary();
}

public sealed record CenterView(
    string Id,
    string Kind,
    IReadOnlyList<ResourceView> Resources,
    IReadOnlyDictionary<string, StockCount> Stock);

public sealed record ResourceView(string Id, string Type, string Status);

public readonly record struct StockCount(long OnHand, long Reserved);

public readonly record struct StockKey(string CenterId, string Sku)
{
    public override string ToString() => $"{CenterId}/{Sku}";
}

/// <summary>A WGS84 position in degrees, as the wire writes it: <c>{"lat": .., "lon": ..}</c>.</summary>
public readonly record struct Coordinates(double Lat, double Lon);
