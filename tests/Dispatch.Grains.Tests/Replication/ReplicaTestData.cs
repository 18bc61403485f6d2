using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Dispatching;
using Dispatch.Grains.Replication;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Tests.Replication;

/// <summary>The two-center network of the dispatcher tests, and replicas over it on a given clock.</summary>
internal static class ReplicaTestData
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    public static NetworkDocument Network() => TwoCenters.Document().Build();

    public static EngineReplica Replica(TimeProvider time, int copies = 2) =>
        new(Options.Create(new EngineReplicaOptions { Lease = Lease, Copies = copies }), time);

    /// <summary>A replica loaded with <see cref="Network"/> at epoch <paramref name="epoch"/>, version 0.</summary>
    public static EngineReplica Loaded(TimeProvider time, Guid epoch)
    {
        var replica = Replica(time);
        replica.Renewed(new ReplicaLease(epoch, 0, HasNetwork: true, Network()), time.GetTimestamp());
        return replica;
    }

    public static ReplicaUpdate Assign(Guid epoch, long from, params string[] units) =>
        new(epoch, from, from + 1, [.. units.Select(u => new UnitState(u, "assigned", TwoCenters.NearLocation.Lat, TwoCenters.NearLocation.Lon))], [], null);

    public static IReadOnlyList<string> Offered(RecommendationResult? result) =>
        result?.Recommendation is null ? [] : [.. result.Alternatives.Prepend(result.Recommendation).Select(o => o.ResourceId)];
}
