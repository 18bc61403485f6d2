using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Replication;

/// <summary>Keeps this silo's <see cref="EngineReplica"/> registered with the dispatcher and its lease renewed; loads a
/// snapshot whenever the replica has fallen behind (new dispatcher activation, missed update, network replaced).</summary>
public sealed partial class ReplicaSync(
    EngineReplica replica,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<EngineReplicaOptions> options,
    TimeProvider time,
    ILogger<ReplicaSync> logger) : BackgroundService
{
    private IEngineReplicaObserver? reference;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!replica.Enabled)
        {
            return;
        }

        // The object must stay referenced for as long as the dispatcher may call it.
        var observer = new ReplicaObserver(replica);
        reference = grains.CreateObjectReference<IEngineReplicaObserver>(observer);
        var dispatcher = grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);
        using var timer = new PeriodicTimer(options.Value.RenewEvery, time);
        do
        {
            await RenewAsync(dispatcher, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));

        GC.KeepAlive(observer);
    }

    /// <summary>One renewal; public so that tests can bring a replica current without waiting for the timer.</summary>
    public async Task RenewAsync(IDispatcherGrain dispatcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        if (reference is null)
        {
            return;
        }

        var sentAt = time.GetTimestamp();
        try
        {
            var (epoch, version) = replica.Position;
            var lease = await dispatcher.RenewReplicaAsync(reference, silo.SiloAddress.ToParsableString(), epoch, version).WaitAsync(cancellationToken);
            replica.Renewed(lease, sentAt);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            replica.Suspend();
            LogRenewalFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The engine replica could not renew its lease; recommendations go to the dispatcher until it can")]
    private static partial void LogRenewalFailed(ILogger logger, Exception error);
}
