namespace Dispatch.Grains.Replication;

/// <summary>A silo's replica of the live engine, as the dispatcher sees it: told of every change before the change is
/// answered.</summary>
public interface IEngineReplicaObserver : IGrainObserver
{
    /// <summary>Applies an update; false when the replica is not at the update's base version (it then stops serving
    /// until its next renewal brings a snapshot).</summary>
    Task<bool> ApplyAsync(ReplicaUpdate update);
}
