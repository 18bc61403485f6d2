using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Replication;

/// <summary>This silo's copies of the dispatcher's engine, answering recommendations beside the single decision path.</summary>
/// <remarks>
/// The dispatcher tells every replica of a change before it answers the write, so a recommendation served here after
/// that answer sees it (read-your-writes). A replica serves only under a lease: until <see cref="EngineReplicaOptions.Lease"/>
/// after the dispatcher last heard from it. A dispatcher that cannot reach a replica waits out that lease before
/// answering, so a cut-off replica has stopped serving by then and callers fall back to the dispatcher grain.
/// The engine is not thread-safe: each copy serves one caller at a time, and an update is applied to every copy
/// before the dispatcher is told it arrived.
/// </remarks>
public sealed class EngineReplica
{
    private readonly TimeProvider time;
    private readonly long leaseTicks;
    private readonly Lock applyGate = new();
    private readonly Copy[] copies;
    private Guid epoch;
    private long version = -1;

    // The newest update this replica refused: the dispatcher answered its write without it, so no older state may
    // be served again, whatever a renewal that crossed it brings.
    private (Guid Epoch, long Version) refused = (Guid.Empty, -1);
    private long servesUntil;

    public EngineReplica(IOptions<EngineReplicaOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        var settings = options.Value;
        leaseTicks = (long)(settings.Lease.TotalSeconds * time.TimestampFrequency);
        var count = settings.Copies > 0 ? settings.Copies : Math.Clamp(Environment.ProcessorCount, 1, 16);
        copies = [.. Enumerable.Range(0, count).Select(_ => new Copy())];
        Enabled = settings.Enabled;
    }

    public bool Enabled { get; }

    /// <summary>The dispatcher activation and change number this replica stands at (-1: nothing loaded).</summary>
    public (Guid Epoch, long Version) Position
    {
        get
        {
            lock (applyGate)
            {
                return (epoch, version);
            }
        }
    }

    /// <summary>Whether the replica may answer now: loaded, and within its lease.</summary>
    public bool IsServing => Enabled && Volatile.Read(ref version) >= 0 && time.GetTimestamp() < Volatile.Read(ref servesUntil);

    /// <summary>Recommends on one of the copies; false when the replica may not serve (the caller asks the dispatcher).</summary>
    public bool TryRecommend(Incident incident, RecommendationQuery query, out RecommendationResult? result) =>
        TryRead(engine => engine.Recommend(incident, query), out result);

    /// <summary>The region of a point (null outside the served area); false when the replica may not serve.</summary>
    public bool TryRegionOf(GeoPoint point, out string? region) => TryRead(engine => engine.RegionOf(point), out region);

    /// <summary>Applies the dispatcher's update on every copy; false when it does not follow from where this replica stands.</summary>
    public bool Apply(ReplicaUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (applyGate)
        {
            if (update.Epoch != epoch || update.BaseVersion != version)
            {
                if (update.Epoch == epoch && update.Version <= version)
                {
                    return true; // already applied: updates carry absolute values, and this one is older
                }

                Volatile.Write(ref servesUntil, 0);
                if (update.Epoch != refused.Epoch || update.Version > refused.Version)
                {
                    refused = (update.Epoch, update.Version);
                }

                return false;
            }

            if (update.Network is { } network)
            {
                Replace(network);
            }
            else
            {
                foreach (var copy in copies)
                {
                    lock (copy.Gate)
                    {
                        Patch(copy.Engine!, update);
                    }
                }
            }

            Volatile.Write(ref version, update.Version);
            Volatile.Write(ref servesUntil, time.GetTimestamp() + leaseTicks);
            return true;
        }
    }

    /// <summary>Takes the dispatcher's renewal answer for a request sent at <paramref name="sentAt"/>: the lease counts
    /// from the send, never from the answer, so it cannot outlast what the dispatcher assumes.</summary>
    public void Renewed(ReplicaLease lease, long sentAt)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (applyGate)
        {
            if (!lease.HasNetwork)
            {
                // Nothing to serve: callers ask the dispatcher, which answers that no network is loaded.
                Volatile.Write(ref servesUntil, 0);
                Volatile.Write(ref version, -1);
                return;
            }

            if (lease.Snapshot is { } snapshot && (lease.Epoch != epoch || lease.Version >= version))
            {
                Replace(snapshot);
                epoch = lease.Epoch;
                Volatile.Write(ref version, lease.Version);
            }
            else if (lease.Epoch != epoch || version < lease.Version)
            {
                // Behind without a snapshot: stop serving until the updates on their way arrive (each resumes it) or
                // the next renewal brings a snapshot.
                Volatile.Write(ref servesUntil, 0);
                return;
            }

            if (lease.Epoch == refused.Epoch && version < refused.Version)
            {
                // Older than an update it refused: the next renewal, which no longer finds it registered, brings a
                // snapshot at least that new.
                Volatile.Write(ref servesUntil, 0);
                return;
            }

            Volatile.Write(ref servesUntil, Math.Max(Volatile.Read(ref servesUntil), sentAt + leaseTicks));
        }
    }

    /// <summary>Stops serving at once (e.g. the dispatcher could not be reached to renew).</summary>
    public void Suspend() => Volatile.Write(ref servesUntil, 0);

    private bool TryRead<T>(Func<DispatchEngine, T> read, out T result)
    {
        result = default!;
        if (!IsServing)
        {
            return false;
        }

        var start = (uint)Environment.CurrentManagedThreadId % (uint)copies.Length;
        for (var i = 0; i < copies.Length; i++)
        {
            var copy = copies[(start + i) % copies.Length];
            if (copy.Gate.TryEnter())
            {
                try
                {
                    return Serve(copy, read, out result);
                }
                finally
                {
                    copy.Gate.Exit();
                }
            }
        }

        var home = copies[start];
        lock (home.Gate)
        {
            return Serve(home, read, out result);
        }
    }

    private bool Serve<T>(Copy copy, Func<DispatchEngine, T> read, out T result)
    {
        // Checked again under the copy's gate: an update or a lapse may have come in between.
        if (copy.Engine is null || !IsServing)
        {
            result = default!;
            return false;
        }

        result = read(copy.Engine);
        return true;
    }

    private void Replace(NetworkDocument network)
    {
        foreach (var copy in copies)
        {
            var engine = DispatchEngine.Create(network);
            lock (copy.Gate)
            {
                copy.Engine = engine;
            }
        }
    }

    private static void Patch(DispatchEngine engine, ReplicaUpdate update)
    {
        foreach (var unit in update.Units)
        {
            if (!engine.HasResource(unit.ResourceId) || !ResourceStatusNames.TryParse(unit.Status, out var status))
            {
                continue;
            }

            var at = engine.PositionOf(unit.ResourceId);
            if (at.Lat != unit.Lat || at.Lon != unit.Lon)
            {
                engine.MoveResource(unit.ResourceId, new GeoPoint(unit.Lat, unit.Lon));
            }

            engine.SetResourceStatus(unit.ResourceId, status);
        }

        foreach (var stock in update.Stock)
        {
            if (engine.HasCenter(stock.CenterId))
            {
                engine.SetStock(stock.CenterId, stock.Sku, stock.OnHand, stock.Reserved);
            }
        }
    }

    private sealed class Copy
    {
        public Lock Gate { get; } = new();

        public DispatchEngine? Engine { get; set; }
    }
}
