using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Scenarios;

public static class ScenarioRunsHosting
{
    /// <summary>What a silo needs to compute what-if runs: the dedicated threads and the placement that spreads
    /// runs over the silos. Limits come from <see cref="ScenarioLimits"/> options.</summary>
    public static ISiloBuilder AddScenarioRuns(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ScenarioWorkers>();
        silo.Services.AddPlacementDirector<SpreadPlacement, SpreadPlacementDirector>();
        return silo;
    }
}
