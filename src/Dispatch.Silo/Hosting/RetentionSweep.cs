using Dispatch.Grains.Privacy;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>Every <see cref="PrivacyOptions.SweepEvery"/> (and once at start), asks the cluster's one sweeper grain to
/// erase the customer data of cases closed longer than <see cref="PrivacyOptions.RetainClosedFor"/>. Every silo asks,
/// so the sweep goes on while any silo runs; the grain takes the requests in turn, so they never repeat each other.</summary>
public sealed class RetentionSweep(
    IGrainFactory grains,
    TimeProvider time,
    IOptions<PrivacyOptions> options,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    /// <summary>Cases per grain call, so that one call stays well inside the call timeout.</summary>
    public const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.RetentionFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Erases everything due now, a batch per call.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.RetainClosedFor;
        var sweeper = grains.GetGrain<IRetentionSweeperGrain>(RetentionSweeperGrain.Key);
        var erased = 0;
        SweepResult result;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = await sweeper.SweepAsync(cutoff, Batch);
            erased += result.Erased;
        }
        // A batch that erased nothing failed as a whole (its cases stay indexed): the next sweep tries again, rather
        // than this one spinning on it.
        while (result.More && result.Erased > 0);

        if (erased > 0)
        {
            logger.RetentionErased(erased, cutoff);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
