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

    /// <summary>Runs a write, then tells the replicas what it changed before anyone is answered (also when it failed
    /// midway: a hold taken or undone must reach them all the same).</summary>
    private Task<T> PublishingAsync<T>(Func<Task<T>> write) => ExclusiveAsync(async () =>
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
            await PublishChangesAsync();
        }
    });

    /// <summary>Tells the replicas what the write changed; a replaced network goes whole.</summary>
    private async Task PublishChangesAsync(bool networkReplaced = false)
    {
        if (engine is null || Replicas is null)
        {
            return;
        }

        if (networkReplaced)
        {
            engine.TakeChanges();
            await replicas!.PublishAsync([], [], engine.ToDocument());
            return;
        }

        var changes = engine.TakeChanges();
        if (changes.IsEmpty)
        {
            return;
        }

        await replicas!.PublishAsync(
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
