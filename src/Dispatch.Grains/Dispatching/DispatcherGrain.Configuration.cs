using System.Runtime.ExceptionServices;
using Dispatch.Grains.Centers;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Dispatching;

/// <summary>Centers that a network replacement could not configure yet. The document is committed, so the index
/// already holds it; the centers are configured again before every decision and by a timer, and until all have it
/// every decision fails (the API answers 503), rather than reserve against a center that still has the old setup.</summary>
public sealed partial class DispatcherGrain
{
    private static readonly TimeSpan ConfigureRetryPeriod = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, CenterConfiguration> pendingConfiguration = new(StringComparer.Ordinal);
    private IGrainTimer? configureTimer;

    /// <summary>Configures the centers of a newly committed network; throws when any could not be.</summary>
    private Task ConfigureCentersAsync(IEnumerable<(string CenterId, CenterConfiguration Configuration)> centers)
    {
        pendingConfiguration.Clear();
        foreach (var (centerId, configuration) in centers)
        {
            pendingConfiguration[centerId] = configuration;
        }

        return ConfigurePendingCentersAsync();
    }

    private async Task ConfigurePendingCentersAsync()
    {
        if (pendingConfiguration.Count == 0)
        {
            return;
        }

        var attempts = pendingConfiguration.Select(async pending =>
        {
            try
            {
                await Center(pending.Key).ConfigureAsync(pending.Value);
                return (pending.Key, Failure: (Exception?)null);
            }
            catch (Exception error)
            {
                return (pending.Key, Failure: error);
            }
        }).ToList();
        var outcomes = await Task.WhenAll(attempts);
        foreach (var (centerId, failure) in outcomes)
        {
            if (failure is null)
            {
                pendingConfiguration.Remove(centerId);
            }
        }

        if (pendingConfiguration.Count == 0)
        {
            configureTimer?.Dispose();
            configureTimer = null;
            return;
        }

        var first = outcomes.First(o => o.Failure is not null).Failure!;
        logger.CentersNotConfigured(first, NetworkKey, version, pendingConfiguration.Count);

        // Timer ticks are turns of their own, so a retry never meets a decision halfway.
        configureTimer ??= this.RegisterGrainTimer(
            async _ =>
            {
                try
                {
                    await PublishingAsync(async () =>
                    {
                        await ConfigurePendingCentersAsync();

                        // The centers configured now can hold units: a waiting case may take one.
                        await ServeQueueAsync();
                        return true;
                    });
                }
                catch (Exception)
                {
                    // Logged above; the next tick tries again.
                }
            },
            ConfigureRetryPeriod,
            ConfigureRetryPeriod);
        ExceptionDispatchInfo.Throw(first);
    }
}
