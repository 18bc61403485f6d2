using System.Text.Json.Serialization.Metadata;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Scenarios;
using Dispatch.Solver.Simulation;
using Microsoft.AspNetCore.Http.Json;

namespace Dispatch.Silo.Hosting;

/// <summary>What-if runs: their limits, their metrics, their JSON, and the start-up call that resumes unfinished runs.</summary>
public static class ScenarioHosting
{
    public static WebApplicationBuilder AddDispatchScenarios(this WebApplicationBuilder builder)
    {
        builder.AddSettings<ScenarioLimits>(ScenarioLimits.Section, SettingsRegistration.Annotations);
        builder.Services.AddSingleton<ScenarioMetrics>();
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolver =
            (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(KeepNullStatistics));

        // After the silo's own hosted service, so the registry grain can be reached.
        builder.Services.AddHostedService<ScenarioResumer>();
        return builder;
    }

    // The answers leave out null members, but a KPI over no values is null (docs/simulation.md "The KPIs") and says so.
    private static void KeepNullStatistics(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != typeof(SimulationKpis).Namespace)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            property.ShouldSerialize = static (_, _) => true;
        }
    }

    /// <summary>Wakes the scenario registry at start, which runs again what a stopped silo left queued or running.</summary>
    private sealed class ScenarioResumer(IGrainFactory grains) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            grains.GetGrain<IScenarioRegistryGrain>(IncidentGrain.Network).ResumeAsync();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
