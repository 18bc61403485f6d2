namespace Dispatch.Solver.Network;

internal sealed class CenterSpec(int index, string id, string kind, double lat, double lon, double serviceRadiusKm, int regionIndex)
{
    public const string Partner = "partner";

    public int Index { get; } = index;
    public string Id { get; } = id;
    public string Kind { get; } = kind;
    public bool IsPartner { get; } = kind == Partner;
    public double Lat { get; } = lat;
    public double Lon { get; } = lon;
    public double ServiceRadiusKm { get; } = serviceRadiusKm;
    public int RegionIndex { get; } = regionIndex;

    /// <summary>Live stock by SKU (ordinal).</summary>
    public Dictionary<string, StockCell> Stock { get; } = new(StringComparer.Ordinal);

    public int Available(string sku) => Stock.TryGetValue(sku, out var cell) ? cell.OnHand - cell.Reserved : 0;
}

internal struct StockCell(int onHand, int reserved)
{
    public int OnHand = onHand;
    public int Reserved = reserved;
}
