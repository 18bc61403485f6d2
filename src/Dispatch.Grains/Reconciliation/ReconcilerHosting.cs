using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Reconciliation;

public static class ReconcilerHosting
{
    private const string Key = ReconcilerOptions.Section;

    /// <summary>The reconciler's settings, metrics and the service that asks for its passes.</summary>
    public static IServiceCollection AddReconciler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReconcilerOptions>()
            .Bind(configuration.GetSection(ReconcilerOptions.Section))
            .Validate(o => o.Period >= TimeSpan.FromSeconds(1) && o.Period <= TimeSpan.FromHours(1), $"{Key}:Period must be between 00:00:01 and 01:00:00")
            .Validate(o => o.Grace >= TimeSpan.FromSeconds(5) && o.Grace <= TimeSpan.FromDays(1), $"{Key}:Grace must be between 00:00:05 and 1.00:00:00")
            .ValidateOnStart();
        services.AddSingleton<ReconcilerMetrics>();
        services.AddHostedService<ReconcilerService>();
        return services;
    }
}
