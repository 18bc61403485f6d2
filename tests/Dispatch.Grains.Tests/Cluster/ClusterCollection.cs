namespace Dispatch.Grains.Tests.Cluster;

/// <summary>The test classes that share one <see cref="ClusterFixture"/>; starting a cluster costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
