using System.Collections.Immutable;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Replication;

/// <summary>The dispatcher's side of the replicas: who they are, when each last renewed, and telling them of every change
/// before the change is answered.</summary>
/// <remarks>Not thread-safe: the dispatcher grain's turns serialize it. A replica that cannot be told is dropped, and
/// the write waits until that replica's lease has run out, so no caller can read the old state from it afterwards.
/// A new activation does the same for the replicas of the one before it, which it does not know.</remarks>
public sealed class ReplicaPublisher
{
    // Clocks of two machines advance at nearly, not exactly, the same rate; waits past a lease add this much.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<IEngineReplicaObserver, (string Silo, long At, long VersionThen)> renewedAt = [];
    private readonly Func<IReadOnlyCollection<string>> activeSilos;
    private readonly TimeProvider time;
    private readonly TimeSpan lease;
    private readonly TimeSpan callTimeout;
    private readonly long activatedAt;
    private bool predecessorLeasesOver;
    private TaskCompletionSource? allRenewed;

    /// <param name="activeSilos">The silos of the cluster now: once each has renewed with this activation, no replica
    /// can still be serving under the previous one.</param>
    public ReplicaPublisher(TimeProvider time, TimeSpan lease, Func<IReadOnlyCollection<string>> activeSilos)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(activeSilos);
        this.time = time;
        this.activeSilos = activeSilos;
        this.lease = lease;
        callTimeout = lease;
        activatedAt = time.GetTimestamp();
    }

    /// <summary>Identifies this dispatcher activation: versions of another activation do not follow from these.</summary>
    public Guid Epoch { get; } = Guid.NewGuid();

    public long Version { get; private set; }

    public int ReplicaCount => renewedAt.Count;

    /// <summary>A replica's renewal: registers it and answers with a snapshot when it is not at this epoch and version.</summary>
    public ReplicaLease Renew(IEngineReplicaObserver replica, string silo, Guid replicaEpoch, long replicaVersion, DispatchEngine? engine)
    {
        ArgumentNullException.ThrowIfNull(replica);
        // Registered, and it has what was published before its last renewal: what it lacks is on its way. Still behind
        // that (no update reached it for a whole renewal period), it is stuck, and gets a snapshot below.
        var registered = renewedAt.TryGetValue(replica, out var last) && replicaVersion >= last.VersionThen;
        renewedAt[replica] = (silo, time.GetTimestamp(), Version);
        if (allRenewed is not null && AllSilosRenewed())
        {
            allRenewed.TrySetResult();
        }

        if (engine is null)
        {
            return new ReplicaLease(Epoch, Version, HasNetwork: false, Snapshot: null);
        }

        if (replicaEpoch == Epoch && replicaVersion == Version)
        {
            return new ReplicaLease(Epoch, Version, HasNetwork: true, Snapshot: null);
        }

        // Behind, but registered: the changes since are on their way to it. It gets no snapshot (under a steady stream
        // of writes nearly every renewal crosses an update, and a snapshot each time would rebuild every copy once a
        // second) and, told the current version, stops serving until those updates reach it (each resumes it). Should
        // one of them be refused, the replica is dropped, and its next renewal brings a snapshot.
        if (registered && replicaEpoch == Epoch && replicaVersion < Version)
        {
            return new ReplicaLease(Epoch, Version, HasNetwork: true, Snapshot: null);
        }

        return new ReplicaLease(Epoch, Version, HasNetwork: true, engine.ToDocument());
    }

    /// <summary>Tells every replica what the last write changed, or the whole network when it was replaced, and returns
    /// once each has applied it or can no longer serve.</summary>
    public async Task PublishAsync(ImmutableArray<UnitState> units, ImmutableArray<StockState> stock, NetworkDocument? network)
    {
        if (units.IsDefaultOrEmpty && stock.IsDefaultOrEmpty && network is null)
        {
            return;
        }

        var update = new ReplicaUpdate(Epoch, Version, Version + 1, units.IsDefault ? [] : units, stock.IsDefault ? [] : stock, network);
        Version = update.Version;
        var waits = new List<Task>();
        if (!predecessorLeasesOver)
        {
            waits.Add(WaitForPredecessorLeasesAsync());
        }

        var replicas = renewedAt.ToList();
        var outcomes = await Task.WhenAll(replicas.Select(r => TellAsync(r.Key, update)));
        for (var i = 0; i < replicas.Count; i++)
        {
            if (outcomes[i] == Told.Applied)
            {
                continue;
            }

            // It re-registers at its next renewal and loads a snapshot then.
            renewedAt.Remove(replicas[i].Key);
            if (outcomes[i] == Told.Unreachable)
            {
                // It may still serve the old state until its lease, counted from its last renewal, runs out.
                waits.Add(WaitPastLeaseAsync(replicas[i].Value.At));
            }
        }

        await Task.WhenAll(waits);
    }

    // Replicas of the activation before this one are unknown here and may serve until their leases run out: the first
    // write waits for that, or until every silo of the cluster has renewed with this activation, whichever comes first.
    private async Task WaitForPredecessorLeasesAsync()
    {
        if (!AllSilosRenewed())
        {
            var remaining = activatedAt + ToTicks(lease + LeaseMargin) - time.GetTimestamp();
            if (remaining > 0)
            {
                allRenewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds((double)remaining / time.TimestampFrequency), time);
                await Task.WhenAny(allRenewed.Task, Task.Delay(Timeout.Infinite, deadline.Token));
                allRenewed = null;
            }
        }

        predecessorLeasesOver = true;
    }

    private bool AllSilosRenewed()
    {
        var renewed = renewedAt.Values.Select(r => r.Silo).ToHashSet(StringComparer.Ordinal);
        return activeSilos().All(renewed.Contains);
    }

    private async Task<Told> TellAsync(IEngineReplicaObserver replica, ReplicaUpdate update)
    {
        try
        {
            return await replica.ApplyAsync(update).WaitAsync(callTimeout, time) ? Told.Applied : Told.Refused;
        }
        catch (Exception)
        {
            return Told.Unreachable;
        }
    }

    private Task WaitPastLeaseAsync(long renewal)
    {
        var remaining = renewal + ToTicks(lease + LeaseMargin) - time.GetTimestamp();
        return remaining > 0 ? Task.Delay(TimeSpan.FromSeconds((double)remaining / time.TimestampFrequency), time) : Task.CompletedTask;
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private enum Told
    {
        Applied,
        Refused,
        Unreachable,
    }
}
