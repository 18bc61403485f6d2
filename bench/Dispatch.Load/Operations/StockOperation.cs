using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Posts a small +/- stock change at a random center for one of its SKUs; a 409 (below reserved) is expected.</summary>
public sealed class StockOperation : ILoadOperation
{
    private static readonly int[] Deltas = [-2, -1, 1, 2];
    private readonly RunLedger _ledger;
    private readonly StockKey[] _keys;

    public StockOperation(NetworkView network, RunLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(network);
        _ledger = ledger;
        _keys = network.StockLevels().Keys.OrderBy(k => k.CenterId, StringComparer.Ordinal).ThenBy(k => k.Sku, StringComparer.Ordinal).ToArray();
    }

    public OperationKind Kind => OperationKind.Stock;

    public async Task<bool> ExecuteAsync(OperationCall arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        if (_keys.Length == 0)
        {
            return false;
        }

        var key = _keys[arrival.Random.Next(_keys.Length)];
        var delta = Deltas[arrival.Random.Next(Deltas.Length)];
        var answer = await arrival.SendAsync(RequestKind.Stock, (api, ct) => api.PostStockAsync(key.CenterId, key.Sku, delta, ct))
            .ConfigureAwait(false);
        if (answer is null)
        {
            _ledger.NoteStockUncertain(key);
        }
        else if (answer.IsSuccess)
        {
            _ledger.NoteStockChange(key, delta);
        }

        return true;
    }
}
