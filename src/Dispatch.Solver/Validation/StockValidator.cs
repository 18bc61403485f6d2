using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Checks a center's <c>stock</c>: whole counts with <c>0 &lt;= reserved &lt;= onHand</c>, and never
/// less reserved than open incidents hold.</summary>
internal static class StockValidator
{
    public const int MaxSkuLength = 128;

    public static void Validate(ValidationErrorSink errors, string path, IReadOnlyDictionary<string, StockLevel>? stock, string? centerId, OpenIncidentHolds holds)
    {
        stock ??= new Dictionary<string, StockLevel>();
        foreach (var (sku, level) in stock)
        {
            var skuPath = JsonPathText.Key(path, sku);
            if (!errors.RequireText(skuPath, sku, MaxSkuLength) || !errors.Require(skuPath, level))
            {
                continue;
            }

            var onHandOk = errors.CheckCount(JsonPathText.Member(skuPath, "onHand"), level!.OnHand, out var onHand);

            // An absent reserved means nothing is reserved, so a planner can write {"onHand": 4}.
            var reservedPath = JsonPathText.Member(skuPath, "reserved");
            var reserved = 0;
            var reservedOk = level.Reserved is null || errors.CheckCount(reservedPath, level.Reserved, out reserved);
            if (!reservedOk)
            {
                continue;
            }

            if (onHandOk && reserved > onHand)
            {
                errors.Add(reservedPath, $"must be <= onHand (reserved {reserved}, onHand {onHand})");
            }

            var held = centerId is null ? 0 : holds.HeldAt(centerId, sku);
            if (reserved < held)
            {
                errors.AddConflict(reservedPath, $"must be at least {held}, the units open incidents hold (was {reserved})");
            }
        }

        if (centerId is null)
        {
            return;
        }

        foreach (var (sku, held) in holds.HeldAt(centerId).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!stock.ContainsKey(sku))
            {
                errors.AddConflict(path, $"SKU '{sku}' has {held} reserved by open incidents and cannot be removed");
            }
        }
    }
}
