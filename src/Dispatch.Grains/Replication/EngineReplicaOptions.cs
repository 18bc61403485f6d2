namespace Dispatch.Grains.Replication;

/// <summary><c>Dispatch:Replicas</c>: the recommendation replicas kept in each silo.</summary>
public sealed class EngineReplicaOptions
{
    public const string Section = "Dispatch:Replicas";

    /// <summary>Off: every recommendation is answered by the dispatcher grain itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a replica serves after the dispatcher last heard from it. A write that cannot reach a replica
    /// waits this long (plus a margin) before it is answered, so that the replica has stopped serving by then.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a replica renews its lease; well under <see cref="Lease"/>, so a live replica never lapses.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Copies of the engine in the silo, each serving one recommendation at a time; 0 means one per core.</summary>
    public int Copies { get; set; }
}
