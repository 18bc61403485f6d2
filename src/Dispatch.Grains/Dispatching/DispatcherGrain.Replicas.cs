using System.Collections.Immutable;
using Dispatch.Grains.Replication;
using Dispatch.Solver.Dispatching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Dispatching;

/// <summary>The dispatcher's side of the silos' engine replicas: every write tells them what changed before it is answered.</summary>
public sealed partial class DispatcherGrain
{
    private ReplicaPublisher? replicas;

    // Replicas are a cluster-wide choice: a silo without them (not registered, or off) assumes no silo has any.
    private ReplicaPublisher? Replicas => replicas ??= ServiceProvider.GetService<EngineReplica>() is { Enabled: true }
        ? new ReplicaPublisher(
            ServiceProvider.GetRequiredService<TimeProvider>(),
            ServiceProvider.GetRequiredService<IOptions<EngineReplicaOptions>>().Value.Lease,
            ActiveSilos)
        : null;

    public Task<ReplicaLease> RenewReplicaAsync(IEngineReplicaObserver replica, string silo, Guid epoch, long version) =>
        Replicas is { } publisher
            ? Task.FromResult(publisher.Renew(replica, silo, epoch, version, engine))
            : throw new InvalidOperationException($"engine replicas are off in the dispatcher's silo ({EngineReplicaOptions.Section}:Enabled)");

    /// <summary>Runs a write, then tells the replicas what it changed before its caller is answered (also when it failed
    /// midway: a hold taken or undone must reach them all the same).</summary>
    /// <remarks>The changes are handed to the publisher inside the turn, which orders them; their delivery is awaited
    /// after the turn has gone on to the next decision (docs/architecture.md "Decisions and commits"). A write with
    /// nothing left to hand over awaits everything handed over before it, its own changes possibly among them.</remarks>
    private async Task<T> PublishingAsync<T>(Func<Task<T>> write)
    {
        var delivered = Task.CompletedTask;
        try
        {
            return await ExclusiveAsync(async () =>
            {
                try
                {
                    var answer = await write();
                    if (holdDroppedOnResync)
                    {
                        await ServeQueueAsync();
                    }

                    return answer;
                }
                finally
                {
                    delivered = PublishChanges();
                }
            });
        }
        finally
        {
            await delivered;
        }
    }

    /// <summary>Hands what the write changed to the publisher, a replaced network whole, and returns its delivery.</summary>
    private Task PublishChanges(bool networkReplaced = false)
    {
        if (engine is null || Replicas is null)
        {
            return Task.CompletedTask;
        }

        if (networkReplaced)
        {
            engine.TakeChanges();
            return replicas!.PublishAsync([], [], engine.ToDocument());
        }

        var changes = engine.TakeChanges();
        if (changes.IsEmpty)
        {
            // Its own changes, if any, were taken by a write that ran while this one waited for a center.
            return replicas!.Pending;
        }

        return replicas!.PublishAsync(
            [.. changes.Units.Select(u => new UnitState(u.ResourceId, u.Status.ToName(), u.Lat, u.Lon))],
            [.. changes.Stock.Select(s => new StockState(s.CenterId, s.Sku, s.OnHand, s.Reserved))],
            null);
    }

    private IReadOnlyCollection<string> ActiveSilos()
    {
        var membership = ServiceProvider.GetService<IClusterMembershipService>();
        return membership is null
            ? []
            : [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.ToParsableString())];
    }
}
