using Dispatch.Load.Api;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Audit;

/// <summary>Everything the audit judges, gathered after the run was quiesced.</summary>
/// <param name="StartStock">Stock levels read before the first arrival.</param>
/// <param name="End">The network read after the run.</param>
/// <param name="Cases">Every case seen after the run (open list and per-id reads), by id.</param>
/// <param name="Tracked">The ledger's word on every incident the run created or may have created.</param>
/// <param name="ReadFailures">Ids of the run whose read did not answer 200, with the status (0: no answer).</param>
/// <param name="StockDeltas">Accepted stock changes of the run, per center and SKU.</param>
/// <param name="UncertainStock">Center/SKU pairs with a stock change that got no answer.</param>
public sealed record AuditInput(
    IReadOnlyDictionary<StockKey, StockCount> StartStock,
    NetworkView End,
    IReadOnlyDictionary<string, IncidentCase> Cases,
    IReadOnlyList<TrackedOutcome> Tracked,
    IReadOnlyDictionary<string, int> ReadFailures,
    IReadOnlyDictionary<StockKey, long> StockDeltas,
    IReadOnlySet<StockKey> UncertainStock);
