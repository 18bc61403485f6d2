using Dispatch.Grains.Tests.Cluster;

namespace Dispatch.Grains.Tests.Reconciliation;

/// <summary>The reconciler judges every hold and case of the network, so its tests get a cluster of their own: the
/// inconsistencies other tests leave on purpose are not theirs to count.</summary>
[CollectionDefinition(Name)]
public sealed class ReconciliationCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "reconciliation";
}
