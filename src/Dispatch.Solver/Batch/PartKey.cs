namespace Dispatch.Solver.Batch;

/// <summary>A stock line: one SKU at one service center. Stock is never shared across centers
/// (docs/dispatch-semantics.md "Eligibility").</summary>
public readonly record struct PartKey(string CenterId, string Sku)
{
    /// <summary><c>center/sku</c>, for messages and diagnostics (the wire carries the SKU alone).</summary>
    public override string ToString() => CenterId + "/" + Sku;
}
