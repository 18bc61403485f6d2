using Dispatch.Grains.Reconciliation;
using Dispatch.Grains.Replication;
using Dispatch.Grains.Serialization;
using Dispatch.Silo.Endpoints;

namespace Dispatch.Silo.Hosting;

/// <summary>The dispatch domain: grain serialization, the network seeder, what-if runs and the v1 endpoints.</summary>
public static class DomainHosting
{
    public static WebApplicationBuilder AddDispatchDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddDispatchSerialization();
        builder.Services.AddEngineReplica(builder.Configuration);
        builder.Services.AddReconciler(builder.Configuration);
        builder.Services.AddSingleton<Dispatchers>();
        builder.Services.AddHostedService<NetworkSeeder>();
        builder.AddSettings<PrivacyOptions>(PrivacyOptions.Section, SettingsRegistration.Annotations);
        builder.Services.AddHostedService<RetentionSweep>();
        builder.AddDispatchScenarios();
        builder.AddDispatchNotifications();
        builder.AddDispatchEscalation();
        return builder;
    }

    public static WebApplication MapDispatchDomain(this WebApplication app)
    {
        app.MapNetworkEndpoints();
        app.MapCenterEndpoints();
        app.MapResourceEndpoints();
        app.MapRecommendationEndpoints();
        app.MapIncidentEndpoints();
        app.MapCustomerDataEndpoints();
        app.MapAuditEndpoints();
        app.MapReassignEndpoints();
        app.MapBatchEndpoints();
        app.MapScenarioEndpoints();
        app.MapPlacementEndpoints();
        return app;
    }
}
