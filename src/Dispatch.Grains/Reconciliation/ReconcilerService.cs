using Dispatch.Grains.Incidents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Reconciliation;

/// <summary>Asks for a reconciler pass every <see cref="ReconcilerOptions.Period"/> from each silo, so that passes go on
/// while any silo lives; the grain runs them one at a time wherever it is placed.</summary>
public sealed class ReconcilerService(
    IGrainFactory grains,
    IOptions<ReconcilerOptions> options,
    TimeProvider time,
    ILogger<ReconcilerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var reconciler = grains.GetGrain<IReconcilerGrain>(IncidentGrain.Network);
        using var timer = new PeriodicTimer(options.Value.Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await reconciler.RunIfDueAsync().WaitAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Storage down, the grain's silo gone: the next tick tries again.
                logger.PassFailed(error);
            }
        }
    }
}
