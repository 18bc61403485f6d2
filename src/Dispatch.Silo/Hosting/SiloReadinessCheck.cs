using Dispatch.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Dispatch.Silo.Hosting;

/// <summary>Ready when this silo is active in the cluster and a grain state can be read from storage.</summary>
public sealed class SiloReadinessCheck(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"The silo is {status}, not active in the cluster.");
        }

        try
        {
            var probe = grains.GetGrain<IStorageProbeGrain>(localSilo.SiloAddress.ToParsableString());
            await probe.ProbeAsync().WaitAsync(ProbeTimeout, cancellationToken);
            return HealthCheckResult.Healthy("The silo is active and grain storage answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Grain storage does not answer.", ex);
        }
    }
}
