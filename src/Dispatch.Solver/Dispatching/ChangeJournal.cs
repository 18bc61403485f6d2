namespace Dispatch.Solver.Dispatching;

/// <summary>Which units and stock cells changed since last taken; only the keys, the values are read when taken.</summary>
internal sealed class ChangeJournal
{
    private readonly HashSet<int> units = [];
    private readonly HashSet<(int Center, string Sku)> stock = [];

    public void Unit(int index) => units.Add(index);

    public void Stock(int center, string sku) => stock.Add((center, sku));

    public LiveChanges Take(LiveNetwork live)
    {
        if (units.Count == 0 && stock.Count == 0)
        {
            return LiveChanges.None;
        }

        var network = live.Network;
        var unitChanges = units.Order().Select(i =>
        {
            var u = network.Resources[i];
            return new UnitChange(u.Id, u.Status, u.Lat, u.Lon);
        }).ToList();
        var stockChanges = stock.Select(k =>
        {
            var center = network.Centers[k.Center];
            var (onHand, reserved) = live.StockOf(center.Id, k.Sku);
            return new StockChange(center.Id, k.Sku, onHand, reserved);
        }).ToList();
        units.Clear();
        stock.Clear();
        return new LiveChanges(unitChanges, stockChanges);
    }
}
