using Dispatch.Grains.Reconciliation;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Scenarios;
using Dispatch.Grains.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Cluster;

/// <summary>A test silo as the real host wires it, with memory storage in place of SQL and a fake grain clock.</summary>
public sealed class DispatchSiloConfigurator : ISiloConfigurator
{
    /// <summary>One key ring for every silo of the process, as silos of a cluster share one: a case sealed on one
    /// silo may be activated again on another.</summary>
    public static IDataProtectionProvider DataProtection { get; } = new EphemeralDataProtectionProvider();

    public void Configure(ISiloBuilder siloBuilder)
    {
        AddDispatchServices(siloBuilder);
        siloBuilder.Services.AddFakeGrainClock();
    }

    /// <summary>Everything of a test silo but its clock: memory storage and reminders, serialization, metrics, the shared key ring.</summary>
    public static void AddDispatchServices(ISiloBuilder siloBuilder)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        siloBuilder
            .AddMemoryGrainStorage(GrainStorage.Name)
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService();
        siloBuilder.Services.AddDispatchSerialization();
        siloBuilder.Services.AddMetrics();
        siloBuilder.Services.AddSingleton<ScenarioMetrics>();
        siloBuilder.AddScenarioRuns();
        siloBuilder.Services.AddOptions<ReconcilerOptions>();
        siloBuilder.Services.AddSingleton<ReconcilerMetrics>();
        siloBuilder.Services.AddSingleton<CaseMetrics>();
        siloBuilder.Services.AddSingleton(DataProtection);
    }
}
