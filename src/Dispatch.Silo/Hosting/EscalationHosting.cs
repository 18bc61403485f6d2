using Dispatch.Grains.Incidents;
using Dispatch.Silo.Metrics;

namespace Dispatch.Silo.Hosting;

/// <summary>Escalation against the service standard (docs/escalation.md): its settings, the cases' own metrics and the
/// open-cases gauge. The reminders it relies on are wired with the storage (<see cref="OrleansHosting"/>).</summary>
public static class EscalationHosting
{
    public static WebApplicationBuilder AddDispatchEscalation(this WebApplicationBuilder builder)
    {
        builder.AddSettings<SlaOptions>(SlaOptions.Section, SlaOptionsValidator.Validate);
        builder.Services.AddSingleton<CaseMetrics>();
        builder.Services.AddHostedService<OpenCaseAges>();
        return builder;
    }
}
