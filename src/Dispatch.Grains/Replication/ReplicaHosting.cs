using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Replication;

public static class ReplicaHosting
{
    private const string Key = EngineReplicaOptions.Section;

    /// <summary>This silo's engine replica, the service that keeps it current, and the recommender that reads it.</summary>
    public static IServiceCollection AddEngineReplica(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EngineReplicaOptions>()
            .Bind(configuration.GetSection(EngineReplicaOptions.Section))
            .Validate(o => o.Lease >= TimeSpan.FromMilliseconds(200) && o.Lease <= TimeSpan.FromMinutes(1), $"{Key}:Lease must be between 00:00:00.200 and 00:01:00")
            .Validate(o => o.RenewEvery > TimeSpan.Zero && o.RenewEvery < o.Lease / 2, $"{Key}:RenewEvery must be positive and under half of {Key}:Lease")
            .Validate(o => o.Copies is >= 0 and <= 64, $"{Key}:Copies must be between 0 (one per core) and 64")
            .ValidateOnStart();
        services.AddSingleton<EngineReplica>();
        services.AddSingleton<ReplicaSync>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaSync>());
        services.AddSingleton<Recommender>();
        return services;
    }
}
