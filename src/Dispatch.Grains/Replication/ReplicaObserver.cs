namespace Dispatch.Grains.Replication;

/// <summary>The object the dispatcher calls in this silo; it only hands updates to the replica.</summary>
internal sealed class ReplicaObserver(EngineReplica replica) : IEngineReplicaObserver
{
    public Task<bool> ApplyAsync(ReplicaUpdate update) => Task.FromResult(replica.Apply(update));
}
