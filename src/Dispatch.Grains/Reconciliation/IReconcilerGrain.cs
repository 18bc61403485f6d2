namespace Dispatch.Grains.Reconciliation;

/// <summary>Checks the centers' holds against the cases of one network and repairs what a crash left between them
/// (docs/cluster.md "Reconciler"). Keyed by the network, like the dispatcher.</summary>
public interface IReconcilerGrain : IGrainWithStringKey
{
    /// <summary>One pass over every hold and every active case; what it fixed, by kind.</summary>
    Task<ReconcileReport> RunAsync();

    /// <summary>A pass unless one finished less than half a period ago (every silo asks once a period); the last
    /// report then.</summary>
    Task<ReconcileReport> RunIfDueAsync();
}
